package io.github.prismaregistry.api;

import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A canary password must never show up in logs, messages, results or backups, on success or failure. */
class SecretsIntegrationTest extends SimulatorTestSupport {

    private static final String CANARY = "Canary-Pw-7f3a9c";

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(200)
            .user("ci-bot", CANARY));

    private ConsoleConnection canaryConnection(ConsoleSimulator sim) {
        return connection(sim).credentials(ConsoleCredentials.usernamePassword("ci-bot", CANARY)).build();
    }

    private void assertNoCanaryAnywhere(RegistrationResult result, Throwable failure) throws IOException {
        assertThat(log.lines()).isNotEmpty();
        assertThat(log.all()).doesNotContain(CANARY);
        if (result != null) {
            assertThat(result.toMap().toString()).doesNotContain(CANARY);
            assertThat(String.join("\n", result.summaryLines())).doesNotContain(CANARY);
        }
        if (failure != null) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(CANARY);
        }
        try (Stream<Path> files = Files.list(backups)) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f, StandardCharsets.UTF_8)).doesNotContain(CANARY);
            }
        }
    }

    @Test
    void canaryPasswordIsNowhereAfterASuccessfulRegistration() throws Exception {
        ConsoleSimulator sim = simulator.get();
        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(canaryConnection(sim))) {
            result = registrar.register(repository("team/app").build());
            assertThat(registrar.toString()).doesNotContain(CANARY);
        }

        assertThat(result.backupFile()).isRegularFile();
        assertThat(canaryConnection(sim).toString()).doesNotContain(CANARY);
        assertNoCanaryAnywhere(result, null);
        assertThat(sim.requests()).allSatisfy(r -> assertThat(r.toString()).doesNotContain(CANARY));
    }

    @Test
    void canaryPasswordIsNowhereWhenTheLoginFails() throws Exception {
        ConsoleSimulator sim = simulator.get();
        String wrong = CANARY + "-wrong";
        Throwable failure;
        try (RegistryRegistrar registrar = registrar(connection(sim).credentials(ConsoleCredentials.usernamePassword("ci-bot", wrong)).build())) {
            failure = catchThrowable(() -> registrar.register(repository("team/app").build()));
        }

        assertThat(failure).isInstanceOf(ConsoleAuthenticationException.class);
        assertNoCanaryAnywhere(null, failure);
    }

    @Test
    void canaryPasswordIsNowhereWhenTheConsoleEchoesItInA400() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("POST", "settings/registry").respond(400, "{\"err\":\"request from ci-bot/" + CANARY + " rejected\"}"));
        Throwable failure;
        try (RegistryRegistrar registrar = registrar(canaryConnection(sim))) {
            failure = catchThrowable(() -> registrar.register(repository("team/app").build()));
        }

        assertThat(failure).isInstanceOf(ConsoleRejectedException.class).hasMessageContaining("rejected");
        assertThat(((ConsoleRejectedException) failure).consoleMessage()).doesNotContain(CANARY);
        assertNoCanaryAnywhere(null, failure);
    }

    @Test
    void canaryPasswordIsNowhereWhenTheConsoleFailsWith500() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("GET", "settings/registry").always().respond(500, "internal error for password " + CANARY));
        Throwable failure;
        try (RegistryRegistrar registrar = registrar(canaryConnection(sim))) {
            failure = catchThrowable(() -> registrar.register(repository("team/app").build()));
        }

        assertThat(failure).isInstanceOf(ConsoleResponseException.class);
        assertNoCanaryAnywhere(null, failure);
    }

    @Test
    void apiTokenIsNowhereInLogsOrResults() throws Exception {
        ConsoleSimulator sim = ConsoleSimulator.builder().apiToken(CANARY).seed(10).start();
        try (sim; RegistryRegistrar registrar = registrar(connection(sim).credentials(ConsoleCredentials.token(CANARY)).build())) {
            RegistrationResult result = registrar.register(repository("team/app").build());

            assertThat(result.action()).isEqualTo(Action.ADDED);
            assertThat(sim.loginCount()).isZero();
            assertThat(sim.requests()).allSatisfy(r -> assertThat(r.authScheme()).isEqualTo("Bearer"));
            assertNoCanaryAnywhere(result, null);
        }
    }
}
