package io.github.prismaregistry.faultsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.Action;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistrationOutcome;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.faultsuite.FaultMatrixTest.FaultKind;
import io.github.prismaregistry.faultsuite.RequestSequence.Position;
import io.github.prismaregistry.simulator.Fault;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several images registered in one call, served together (one read, one POST each, one verifying read), and
 * several unregistered in one call (one read, one PUT for all, one verifying read): every fault at every request of
 * those sequences, and a foreign full-list writer between the POSTs and right after the PUT. Each image must end in
 * its own success or typed error, and no entry may be lost.
 */
@ExtendWith(ScenarioReport.class)
class BatchFaultTest {

    private static final List<String> REPOSITORIES = List.of("batch/app-1", "batch/app-2", "batch/app-3");

    static Stream<Arguments> cases() {
        return FaultMatrixTest.cases(RequestSequence.batch(REPOSITORIES));
    }

    @ParameterizedTest(name = "batch of 3: {0}")
    @MethodSource("cases")
    void aBatchSurvivesAFaultAtEveryRequestWithoutLosingEntries(String name, Position at, FaultKind fault) throws Exception {
        try (Harness h = Harness.start(); RegistryRegistrar registrar = h.registrar()) {
            h.sim.inject(fault.apply().apply(Fault.on(at.method(), at.endpoint()).nth(at.nth())));
            new Scenario("batch of 3: " + name, h, Scenario.Op.REGISTER, REPOSITORIES.get(0))
                    .settle(fault.settle())
                    .run(() -> registerAll(h, registrar));
        }
    }

    static Stream<Arguments> unregisterCases() {
        return FaultMatrixTest.cases(RequestSequence.batchUnregister(REPOSITORIES));
    }

    @ParameterizedTest(name = "batch unregister of 3: {0}")
    @MethodSource("unregisterCases")
    void aBatchOfRemovalsSurvivesAFaultAtEveryRequestWithoutLosingEntries(String name, Position at, FaultKind fault)
            throws Exception {
        try (Harness h = Harness.start()) {
            try (RegistryRegistrar setup = h.registrar()) {
                setup.registerAll(REPOSITORIES.stream().map(Harness::request).toList());
            }
            try (RegistryRegistrar registrar = h.registrar()) {
                h.sim.inject(fault.apply().apply(Fault.on(at.method(), at.endpoint()).nth(at.nth())));
                removingTheOthers(new Scenario("batch unregister of 3: " + name, h, Scenario.Op.UNREGISTER, REPOSITORIES.get(0)))
                        .settle(fault.settle())
                        .run(() -> unregisterAll(h, registrar));
            }
        }
    }

    @Test
    void aForeignFullListWriterRightAfterTheSharedRemovalPutCostsNoEntry() throws Exception {
        try (Harness h = Harness.start()) {
            try (RegistryRegistrar setup = h.registrar()) {
                setup.registerAll(REPOSITORIES.stream().map(Harness::request).toList());
            }
            ObjectNode theirs = Harness.foreignEntry("after-put/app");
            List<ObjectNode> readBeforeOurPut = h.sim.specifications();
            // A tool that read the list before our PUT writes its list back right after it: our three entries are
            // back, and theirs is new. Our verifying read must notice and remove ours again, keeping theirs.
            h.sim.inject(Fault.on("PUT", "settings/registry").nth(1).foreignWriteAfter(list -> {
                List<ObjectNode> stale = new java.util.ArrayList<>(readBeforeOurPut);
                stale.add(theirs);
                return stale;
            }));
            try (RegistryRegistrar registrar = h.registrar()) {
                removingTheOthers(new Scenario("batch unregister of 3: stale foreign full-list writer right after the shared PUT",
                        h, Scenario.Op.UNREGISTER, REPOSITORIES.get(0)))
                        .foreignAdds(theirs)
                        .run(() -> unregisterAll(h, registrar));
            }
        }
    }

    /** The batch removes all of its repositories on purpose: only the first is the scenario's own. */
    private static Scenario removingTheOthers(Scenario scenario) {
        return scenario.foreignRemoves(e -> REPOSITORIES.subList(1, REPOSITORIES.size()).stream().anyMatch(r -> Harness.isOurs(e, r)));
    }

    /** Like {@link #registerAll}: any image that claims REMOVED while its entry is still listed fails the scenario. */
    private static RegistrationResult unregisterAll(Harness h, RegistryRegistrar registrar)
            throws PrismaRegistryException, InterruptedException {
        List<RegistrationOutcome> outcomes = registrar.unregisterAll(REPOSITORIES.stream().map(Harness::request).toList());
        return firstOf(h, outcomes, Action.REMOVED, true);
    }

    @Test
    void aForeignFullListWriterBetweenTheBatchsPostsCostsNoEntry() throws Exception {
        try (Harness h = Harness.start(); RegistryRegistrar registrar = h.registrar()) {
            ObjectNode theirs = Harness.foreignEntry("between-posts/app");
            // A tool that read the list before our first POST writes its list back between our POSTs: our first entry
            // is gone, theirs is new. Our verifying read must notice and add ours again.
            h.sim.inject(Fault.on("POST", "settings/registry").nth(2).foreignWriteBefore(list -> {
                list.removeIf(e -> Harness.isOurs(e, REPOSITORIES.get(0)));
                list.add(theirs);
                return list;
            }));
            new Scenario("batch of 3: stale foreign full-list writer between the 1st and 2nd POST", h, Scenario.Op.REGISTER,
                    REPOSITORIES.get(0))
                    .foreignAdds(theirs)
                    .run(() -> registerAll(h, registrar));
        }
    }

    /**
     * The batch's outcomes, each checked on its own against the Console's list; the row shows the first one (its
     * result or its typed error), and any image that claims ADDED without its entry fails the scenario.
     */
    private static RegistrationResult registerAll(Harness h, RegistryRegistrar registrar)
            throws PrismaRegistryException, InterruptedException {
        List<RegistrationOutcome> outcomes = registrar.registerAll(REPOSITORIES.stream().map(Harness::request).toList());
        return firstOf(h, outcomes, Action.ADDED, false);
    }

    /**
     * Checks each outcome on its own against the Console's list: a success that claims {@code claimed} must find its
     * entry absent ({@code absent}) or present; a failure must be typed. Returns the first outcome's result or error.
     */
    private static RegistrationResult firstOf(Harness h, List<RegistrationOutcome> outcomes, Action claimed, boolean absent)
            throws PrismaRegistryException {
        List<ObjectNode> after = h.sim.specifications();
        for (int i = 0; i < outcomes.size(); i++) {
            RegistrationOutcome o = outcomes.get(i);
            String repository = REPOSITORIES.get(i);
            if (o.succeeded()) {
                boolean listed = after.stream().anyMatch(e -> Harness.isOurs(e, repository));
                if (o.result().action() == claimed && listed == absent) {
                    throw new IllegalStateException(repository + " reported " + claimed + " but its entry is "
                            + (absent ? "still there" : "absent"));
                }
            } else if (!(o.error() instanceof PrismaRegistryException)) {
                throw new IllegalStateException(repository + " ended in an untyped error: " + o.error(), o.error());
            }
        }
        RegistrationOutcome first = outcomes.get(0);
        if (!first.succeeded()) {
            throw (PrismaRegistryException) first.error();
        }
        return first.result();
    }
}
