package io.github.prismaregistry.faultsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.simulator.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Expired tokens, the 19,999-entry limit and consoles without POST: each must end cleanly and lose nothing. */
@ExtendWith(ScenarioReport.class)
class ConsoleConditionsTest {

    private static final int LIMIT = 19_999;

    @Test
    void tokenExpiredBetweenTwoOperationsOfOneRegistrar() throws Exception {
        try (Harness h = Harness.start(); RegistryRegistrar registrar = h.registrar()) {
            registrar.register(Harness.request("token/first-app"));
            h.sim.expireTokens();
            new Scenario("token expired between two operations of one registrar", h, Scenario.Op.REGISTER,
                    "token/second-app").run(() -> registrar.register(Harness.request("token/second-app")));
        }
    }

    @Test
    void tokenExpiredBetweenTheFirstGetAndThePost() throws Exception {
        try (Harness h = Harness.start(); RegistryRegistrar registrar = h.registrar()) {
            h.sim.inject(Fault.on("GET", "settings/registry").nth(1).foreignWriteAfter(list -> {
                h.sim.expireTokens();
                return list;
            }));
            new Scenario("token expired between the first GET and the POST", h, Scenario.Op.REGISTER, "token/mid-app")
                    .run(() -> registrar.register(Harness.request("token/mid-app")));
        }
    }

    @Test
    void tokenExpiredBetweenThePostAndTheVerifyingGet() throws Exception {
        try (Harness h = Harness.start(); RegistryRegistrar registrar = h.registrar()) {
            h.sim.inject(Fault.on("POST", "settings/registry").nth(1).foreignWriteAfter(list -> {
                h.sim.expireTokens();
                return list;
            }));
            new Scenario("token expired between the POST and the verifying GET", h, Scenario.Op.REGISTER,
                    "token/verify-app").run(() -> registrar.register(Harness.request("token/verify-app")));
        }
    }

    @Test
    void tokenExpiredBetweenTheGetAndThePutOfAnUnregister() throws Exception {
        try (Harness h = Harness.start()) {
            String repo = "token/unregister-app";
            try (RegistryRegistrar setup = h.registrar()) {
                setup.register(Harness.request(repo));
            }
            try (RegistryRegistrar registrar = h.registrar()) {
                h.sim.inject(Fault.on("GET", "settings/registry").nth(1).foreignWriteAfter(list -> {
                    h.sim.expireTokens();
                    return list;
                }));
                new Scenario("token expired between the GET and the PUT of an unregister", h,
                        Scenario.Op.UNREGISTER, repo).run(() -> registrar.unregister(Harness.request(repo)));
            }
        }
    }

    @Test
    void fullListRefusesANewEntryWithATypedErrorAndWritesNothing() throws Exception {
        try (Harness h = Harness.start(LIMIT - 3, 3); RegistryRegistrar registrar = h.registrar()) {
            new Scenario("list already holds 19,999 entries", h, Scenario.Op.REGISTER, "limit/full-app")
                    .errorExpected()
                    .run(() -> registrar.register(Harness.request("limit/full-app")));
        }
    }

    @Test
    void the19999thEntryIsStillAccepted() throws Exception {
        try (Harness h = Harness.start(LIMIT - 4, 3); RegistryRegistrar registrar = h.registrar()) {
            new Scenario("list holds 19,998 entries: the 19,999th is accepted", h, Scenario.Op.REGISTER,
                    "limit/last-app").run(() -> registrar.register(Harness.request("limit/last-app")));
        }
    }

    @Test
    void listFilledByAForeignWriterBetweenGetAndPostEndsInATypedError() throws Exception {
        try (Harness h = Harness.start(LIMIT - 4, 3); RegistryRegistrar registrar = h.registrar()) {
            ObjectNode filler = Harness.foreignEntry("foreign/filler");
            h.sim.inject(Fault.on("POST", "settings/registry").nth(1).foreignWriteBefore(list -> {
                list.add(filler.deepCopy());
                return list;
            }));
            new Scenario("foreign writer fills the list to 19,999 between our GET and POST", h,
                    Scenario.Op.REGISTER, "limit/raced-app")
                    .foreignAdds(filler)
                    .errorExpected()
                    .run(() -> registrar.register(Harness.request("limit/raced-app")));
        }
    }

    @Test
    void consoleWithoutPostGetsTheEntryThroughAFullListPut() throws Exception {
        try (Harness h = Harness.start(); RegistryRegistrar registrar = h.registrar()) {
            h.sim.refusePost(true);
            new Scenario("POST refused (405): falls back to GET, merge, PUT", h, Scenario.Op.REGISTER,
                    "fallback/app").run(() -> registrar.register(Harness.request("fallback/app")));
        }
    }

    @Test
    void consoleWithoutPostAndAForeignWriterBeforeTheFallbackPut() throws Exception {
        try (Harness h = Harness.start(); RegistryRegistrar registrar = h.registrar()) {
            h.sim.refusePost(true);
            ObjectNode added = Harness.foreignEntry("foreign/added-before-our-put");
            h.sim.inject(Fault.on("PUT", "settings/registry").nth(1).foreignWriteBefore(list -> {
                list.add(added.deepCopy());
                return list;
            }));
            new Scenario("POST refused (405), foreign writer adds just before our fallback PUT", h,
                    Scenario.Op.REGISTER, "fallback/raced-app")
                    .foreignAdds(added)
                    .run(() -> registrar.register(Harness.request("fallback/raced-app")));
        }
    }

    @Test
    void unregisterOfAnAbsentEntryWritesNothing() throws Exception {
        try (Harness h = Harness.start(); RegistryRegistrar registrar = h.registrar()) {
            new Scenario("unregister of an entry that is not there", h, Scenario.Op.UNREGISTER, "absent/app")
                    .run(() -> registrar.unregister(Harness.request("absent/app")));
        }
    }

    @Test
    void registerNextToAnEntryThatAlreadyCoversItWritesNothing() throws Exception {
        try (Harness h = Harness.start(); RegistryRegistrar registrar = h.registrar()) {
            List<ObjectNode> entries = h.sim.specifications();
            ObjectNode wildcard = Harness.foreignEntry("covered/*");
            wildcard.put("registry", Harness.REGISTRY);
            entries.add(wildcard);
            h.sim.setSpecifications(entries);
            new Scenario("register under an existing wildcard entry", h, Scenario.Op.REGISTER, "covered/app")
                    .run(() -> registrar.register(Harness.request("covered/app")));
        }
    }
}
