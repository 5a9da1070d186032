package io.github.prismaregistry.faultsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.faultsuite.RequestSequence.Position;
import io.github.prismaregistry.simulator.Fault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A foreign tool that rewrites the whole list (GET, change its own entries, PUT) at every gap between our settings
 * requests. "Instant" writers read and write in the same gap; "stale" writers read in one gap and write in a later
 * one, which is how a full-list writer erases what others wrote meanwhile. The foreign writer removes one of its
 * own entries and adds a new one; only what nobody meant to remove counts as lost.
 */
@ExtendWith(ScenarioReport.class)
class ForeignWriterTest {

    private static final Predicate<JsonNode> FOREIGN_REMOVED =
            e -> Harness.isForeign(e) && "foreign/app-1".equals(e.path("repository").asText());

    /** Gap g lies before the g-th settings request (0-based); gap n is after the last one. */
    record Gap(int index, String label) {
    }

    static Stream<Arguments> registerCases() {
        return cases(RequestSequence.register(), "register");
    }

    static Stream<Arguments> unregisterCases() {
        return cases(RequestSequence.unregister(), "unregister");
    }

    private static Stream<Arguments> cases(List<Position> all, String op) {
        List<Position> settings = all.stream().filter(Position::isSettings).toList();
        List<Gap> gaps = gaps(settings);
        List<Arguments> cases = new ArrayList<>();
        for (Gap g : gaps) {
            cases.add(Arguments.of("instant foreign writer " + g.label(), settings, g, g));
        }
        for (int read = 0; read < gaps.size(); read++) {
            for (int write = read + 1; write < gaps.size(); write++) {
                cases.add(Arguments.of("stale foreign writer, reads " + gaps.get(read).label() + ", writes "
                        + gaps.get(write).label(), settings, gaps.get(read), gaps.get(write)));
            }
        }
        return cases.stream();
    }

    private static List<Gap> gaps(List<Position> settings) {
        List<Gap> gaps = new ArrayList<>();
        for (int g = 0; g <= settings.size(); g++) {
            String label;
            if (g == 0) {
                label = "before " + shortName(settings.get(0));
            } else if (g == settings.size()) {
                label = "after " + shortName(settings.get(g - 1));
            } else {
                label = "between " + shortName(settings.get(g - 1)) + " and " + shortName(settings.get(g));
            }
            gaps.add(new Gap(g, label));
        }
        return gaps;
    }

    private static String shortName(Position p) {
        return "GET".equals(p.method()) ? (p.nth() == 1 ? "GET" : "verify GET") : p.method();
    }

    @ParameterizedTest(name = "register, {0}")
    @MethodSource("registerCases")
    void registerLosesNothingToAForeignFullListWriter(String name, List<Position> settings, Gap read, Gap write)
            throws Exception {
        try (Harness h = Harness.start(); RegistryRegistrar registrar = h.registrar()) {
            String repo = "foreign-race/register-app";
            ObjectNode added = Harness.foreignEntry("foreign/new-" + Math.abs(name.hashCode()));
            injectForeignWriter(h, settings, read, write, added);
            Scenario scenario = new Scenario("register, " + name, h, Scenario.Op.REGISTER, repo)
                    .foreignRemoves(FOREIGN_REMOVED).foreignAdds(added);
            if (write.index() == settings.size()) {
                scenario.othersWriteLast();
            }
            scenario.run(() -> registrar.register(Harness.request(repo)));
        }
    }

    @ParameterizedTest(name = "unregister, {0}")
    @MethodSource("unregisterCases")
    void unregisterLosesNothingToAForeignFullListWriter(String name, List<Position> settings, Gap read, Gap write)
            throws Exception {
        try (Harness h = Harness.start()) {
            String repo = "foreign-race/unregister-app";
            try (RegistryRegistrar setup = h.registrar()) {
                setup.register(Harness.request(repo));
            }
            try (RegistryRegistrar registrar = h.registrar()) {
                ObjectNode added = Harness.foreignEntry("foreign/new-" + Math.abs(name.hashCode()));
                injectForeignWriter(h, settings, read, write, added);
                Scenario scenario = new Scenario("unregister, " + name, h, Scenario.Op.UNREGISTER, repo)
                        .foreignRemoves(FOREIGN_REMOVED).foreignAdds(added);
                if (write.index() == settings.size()) {
                    scenario.othersWriteLast();
                }
                scenario.run(() -> registrar.unregister(Harness.request(repo)));
            }
        }
    }

    /**
     * The foreign writer's read and write are hooks on our own requests, placed in the gaps; two hooks on the same
     * request go into one fault.
     */
    private static void injectForeignWriter(Harness h, List<Position> settings, Gap read, Gap write, ObjectNode added) {
        AtomicReference<List<ObjectNode>> snapshot = new AtomicReference<>();
        UnaryOperator<List<ObjectNode>> change = list -> {
            list.removeIf(FOREIGN_REMOVED::test);
            list.add(added.deepCopy());
            return list;
        };
        UnaryOperator<List<ObjectNode>> readOnly = list -> {
            snapshot.set(new ArrayList<>(list));
            return list;
        };
        UnaryOperator<List<ObjectNode>> writeStale = current -> change.apply(new ArrayList<>(snapshot.get()));

        Map<Position, Fault> faults = new LinkedHashMap<>();
        if (read.equals(write)) {
            hook(faults, settings, write, change);
        } else {
            hook(faults, settings, read, readOnly);
            hook(faults, settings, write, writeStale);
        }
        faults.values().forEach(h.sim::inject);
    }

    private static void hook(Map<Position, Fault> faults, List<Position> settings, Gap gap,
            UnaryOperator<List<ObjectNode>> writer) {
        boolean before = gap.index() < settings.size();
        Position p = before ? settings.get(gap.index()) : settings.get(gap.index() - 1);
        Fault f = faults.getOrDefault(p, Fault.on(p.method(), p.endpoint()).nth(p.nth()));
        faults.put(p, before ? f.foreignWriteBefore(writer) : f.foreignWriteAfter(writer));
    }
}
