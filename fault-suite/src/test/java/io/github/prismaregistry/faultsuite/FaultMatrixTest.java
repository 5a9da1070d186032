package io.github.prismaregistry.faultsuite;

import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.faultsuite.RequestSequence.Position;
import io.github.prismaregistry.simulator.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault the simulator can inject, at every request of a register and of an unregister (as a new registrar
 * sends them: login, discovery, first GET, write, verifying GET). Each must end in success or a typed error, and
 * never cost an entry.
 */
@ExtendWith(ScenarioReport.class)
class FaultMatrixTest {

    private static final Duration HOLD = Harness.READ_TIMEOUT.plusSeconds(1);

    record FaultKind(String label, UnaryOperator<Fault> apply, Duration settle) {
    }

    static List<FaultKind> faults() {
        return List.of(
                new FaultKind("HTTP 500", f -> f.respond(500, "{\"err\":\"internal server error\"}"), Duration.ZERO),
                new FaultKind("HTTP 502", f -> f.respond(502, "<html><body>502 Bad Gateway</body></html>"), Duration.ZERO),
                new FaultKind("HTTP 503", f -> f.respond(503, "{\"err\":\"service unavailable\"}"), Duration.ZERO),
                new FaultKind("HTTP 504", f -> f.respond(504, "Gateway Timeout"), Duration.ZERO),
                new FaultKind("HTTP 429 Retry-After 1", f -> f.respond429(1), Duration.ZERO),
                new FaultKind("held past the read timeout", f -> f.delay(HOLD), HOLD.plusMillis(500)),
                new FaultKind("connection dropped, request not processed", Fault::dropConnection, Duration.ZERO),
                new FaultKind("connection dropped after processing", Fault::dropConnectionAfterProcessing, Duration.ZERO),
                new FaultKind("response body cut in half", Fault::truncateBody, Duration.ZERO));
    }

    static Stream<Arguments> registerCases() {
        return cases(RequestSequence.register());
    }

    static Stream<Arguments> unregisterCases() {
        return cases(RequestSequence.unregister());
    }

    /** Every fault at every one of {@code positions}: (label, position, fault). */
    static Stream<Arguments> cases(List<Position> positions) {
        List<Arguments> cases = new ArrayList<>();
        for (Position p : positions) {
            for (FaultKind f : faults()) {
                cases.add(Arguments.of(f.label() + " at " + p.label(), p, f));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "register: {0}")
    @MethodSource("registerCases")
    void registerSurvivesFaultWithoutLosingEntries(String name, Position at, FaultKind fault) throws Exception {
        try (Harness h = Harness.start(); RegistryRegistrar registrar = h.registrar()) {
            h.sim.inject(fault.apply().apply(Fault.on(at.method(), at.endpoint()).nth(at.nth())));
            String repo = "matrix/register-app";
            new Scenario("register: " + name, h, Scenario.Op.REGISTER, repo)
                    .settle(fault.settle())
                    .run(() -> registrar.register(Harness.request(repo)));
        }
    }

    @ParameterizedTest(name = "unregister: {0}")
    @MethodSource("unregisterCases")
    void unregisterSurvivesFaultWithoutLosingEntries(String name, Position at, FaultKind fault) throws Exception {
        try (Harness h = Harness.start()) {
            String repo = "matrix/unregister-app";
            try (RegistryRegistrar setup = h.registrar()) {
                setup.register(Harness.request(repo));
            }
            try (RegistryRegistrar registrar = h.registrar()) {
                h.sim.inject(fault.apply().apply(Fault.on(at.method(), at.endpoint()).nth(at.nth())));
                new Scenario("unregister: " + name, h, Scenario.Op.UNREGISTER, repo)
                        .settle(fault.settle())
                        .run(() -> registrar.unregister(Harness.request(repo)));
            }
        }
    }
}
