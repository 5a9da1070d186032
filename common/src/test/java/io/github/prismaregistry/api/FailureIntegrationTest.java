package io.github.prismaregistry.api;

import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.Fault;
import io.github.prismaregistry.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailureIntegrationTest extends SimulatorTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(300)
            .user("admin", "admin").userWithoutPermission("viewer", "viewer-password"));

    @Test
    void aServerErrorOnTheFirstReadWritesNothingAndSaysWhatFailed() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("GET", "settings/registry").always().respond(500, "{\"err\":\"database unavailable\"}"));

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOfSatisfying(ConsoleResponseException.class, e -> assertThat(e.status()).isEqualTo(500))
                    .hasMessageContaining(sim.url())
                    .hasMessageContaining("HTTP 500")
                    .hasMessageContaining("database unavailable");
        }
        assertThat(writes(sim)).isEmpty();
    }

    @Test
    void aFailedVerifyingReadSaysTheWriteWasSentAndARerunWritesNothing() throws Exception {
        ConsoleSimulator sim = simulator.get();
        // The first GET succeeds; the one after the POST fails.
        sim.inject(Fault.on("GET", "settings/registry").nth(2).respond(500, "{\"err\":\"database unavailable\"}"));

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOf(VerificationException.class)
                    .hasCauseInstanceOf(ConsoleResponseException.class)
                    .hasMessageStartingWith("The addition of ")
                    .hasMessageContaining("was sent to " + sim.url())
                    .hasMessageContaining("database unavailable")
                    .hasMessageContaining("Run the same registration again");
            assertThat(writes(sim)).hasSize(1);

            assertThat(registrar.register(repository("team/app").build()).action()).isEqualTo(Action.ALREADY_COVERED);
        }
        assertThat(writes(sim)).hasSize(1);
    }

    @Test
    void gatewayErrorsOnReadsAreRetriedWithBackOff() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("GET", "settings/registry").times(2).respond(503, "{\"err\":\"unavailable\"}"));

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThat(registrar.register(repository("team/app").build()).action()).isEqualTo(Action.ADDED);
        }
        assertThat(sim.requests("GET", "settings/registry")).extracting(RecordedRequest::status).startsWith(503, 503, 200);
    }

    @Test
    void gatewayErrorsThatOutlastTheRetriesAreReportedAfterRetriesPlusOneAttempts() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("GET", "settings/registry").always().respond(502, "bad gateway"));

        try (RegistryRegistrar registrar = registrar(connection(sim).retries(2).build())) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOf(ConsoleResponseException.class)
                    .hasMessageContaining("HTTP 502")
                    .hasMessageContaining("after 3 attempts");
        }
        assertThat(sim.requests("GET", "settings/registry")).hasSize(3);
        assertThat(writes(sim)).isEmpty();
    }

    @Test
    void aReadTimeoutNamesTheTimeoutToRaiseAndWritesNothing() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("GET", "settings/registry").always().delay(Duration.ofMillis(1500)));

        try (RegistryRegistrar registrar = registrar(connection(sim).readTimeout(Duration.ofMillis(300)).retries(1).build())) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOfSatisfying(ConsoleTimeoutException.class, e -> assertThat(e.timeoutParameter()).isEqualTo("readTimeout"))
                    .hasMessageContaining("Raise readTimeout");
        }
        assertThat(writes(sim)).isEmpty();
    }

    @Test
    void aCutOffSettingsBodyWritesNothing() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("GET", "settings/registry").always().truncateBody());

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOf(ConsoleResponseException.class)
                    .hasMessageContaining(sim.url())
                    .hasMessageContaining("cut off");
        }
        assertThat(writes(sim)).isEmpty();
        assertThat(sim.entryCount()).isEqualTo(300);
    }

    @Test
    void aCutOffSettingsBodyIsReadAgainOnce() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("GET", "settings/registry").truncateBody());

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThat(registrar.register(repository("team/app").build()).action()).isEqualTo(Action.ADDED);
        }
        assertThat(sim.entryCount()).isEqualTo(301);
    }

    @Test
    void wrongPasswordNamesTheUserAndTheConsoleAndWritesNothing() throws Exception {
        ConsoleSimulator sim = simulator.get();

        try (RegistryRegistrar registrar = registrar(connection(sim)
                .credentials(ConsoleCredentials.usernamePassword("admin", "wrong-password-123")).build())) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOf(ConsoleAuthenticationException.class)
                    .hasMessageContaining("user 'admin'")
                    .hasMessageContaining(sim.url())
                    .hasMessageContaining("Check the user name and password")
                    .hasMessageNotContaining("wrong-password-123");
        }
        assertThat(writes(sim)).isEmpty();
    }

    @Test
    void aRejectedApiTokenSaysSo() throws Exception {
        ConsoleSimulator sim = simulator.get();

        try (RegistryRegistrar registrar = registrar(connection(sim).credentials(ConsoleCredentials.token("no-such-token")).build())) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOf(ConsoleAuthenticationException.class)
                    .hasMessageContaining("API token")
                    .hasMessageNotContaining("no-such-token");
        }
    }

    @Test
    void aUserWithoutPermissionIsToldWhichPermissionIsMissing() throws Exception {
        ConsoleSimulator sim = simulator.get();

        try (RegistryRegistrar registrar = registrar(connection(sim)
                .credentials(ConsoleCredentials.usernamePassword("viewer", "viewer-password")).build())) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOf(ConsolePermissionException.class)
                    .hasMessageContaining("User 'viewer'")
                    .hasMessageContaining("policyContainers")
                    .hasMessageContaining("HTTP 403");
        }
        assertThat(writes(sim)).isEmpty();
    }

    @Test
    void anExpiredTokenLeadsToExactlyOneNewLogin() throws Exception {
        ConsoleSimulator sim = simulator.get();
        try (RegistryRegistrar registrar = registrar(sim)) {
            registrar.register(repository("team/one").build());
            int loginsBefore = sim.loginCount();
            sim.expireTokens();

            RegistrationResult second = registrar.register(repository("team/two").build());

            assertThat(second.action()).isEqualTo(Action.ADDED);
            assertThat(sim.loginCount() - loginsBefore).isEqualTo(1);
        }
        assertThat(sim.entryCount()).isEqualTo(302);
    }

    @Test
    void tooManyRequestsIsRetriedNoEarlierThanRetryAfter() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("GET", "settings/registry").respond429(1));

        try (RegistryRegistrar registrar = registrar(sim)) {
            assertThat(registrar.register(repository("team/app").build()).action()).isEqualTo(Action.ADDED);
        }

        List<RecordedRequest> reads = sim.requests("GET", "settings/registry");
        assertThat(reads.get(0).status()).isEqualTo(429);
        assertThat(reads.get(1).status()).isEqualTo(200);
        Duration gap = Duration.between(reads.get(0).time(), reads.get(1).time());
        System.out.println("429 with Retry-After: 1 -> retried after " + gap.toMillis() + " ms");
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void tooManyRequestsOnThePostIsRetriedBecauseTheConsoleDidNotActOnIt() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("POST", "settings/registry").respond429(0));

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/app").build());
        }

        assertThat(result.writes()).isEqualTo(2);
        assertThat(count(sim.specifications(), REGISTRY, "team/app")).isEqualTo(1);
    }

    @Test
    void anUnreachableConsoleIsReportedWithHostAndPort() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ConsoleConnection c = ConsoleConnection.builder("http://127.0.0.1:" + port)
                .credentials(ConsoleCredentials.usernamePassword("admin", "admin")).retries(1).build();

        try (RegistryRegistrar registrar = registrar(c)) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOf(ConsoleUnreachableException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("proxy");
        }
    }

    @Test
    void anUnknownHostIsQuotedAloneWithTheResolversReasonBeside() throws Exception {
        ConsoleConnection c = ConsoleConnection.builder("https://console.does-not-exist.invalid:8083")
                .credentials(ConsoleCredentials.usernamePassword("admin", "admin")).retries(0).build();

        try (RegistryRegistrar registrar = registrar(c)) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOf(ConsoleUnreachableException.class)
                    .hasMessageStartingWith("Cannot resolve the host name 'console.does-not-exist.invalid'")
                    .hasMessageContaining("Check consoleUrl");
        }
    }

    @Test
    void aPinnedApiVersionTheConsoleDoesNotServeIsReported() throws Exception {
        ConsoleSimulator sim = simulator.get();

        try (RegistryRegistrar registrar = registrar(connection(sim).apiVersion("v40.01").build())) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOf(UnsupportedApiVersionException.class)
                    .hasMessageContaining("v40.01")
                    .hasMessageContaining("leave apiVersion empty");
        }
        assertThat(writes(sim)).isEmpty();
    }

    @Test
    void aConsoleUrlWithoutTheApiSaysToCheckTheAddress() throws Exception {
        ConsoleSimulator sim = simulator.get();

        try (RegistryRegistrar registrar = registrar(ConsoleConnection.builder(sim.url() + "/wrong-prefix")
                .credentials(ConsoleCredentials.usernamePassword("admin", "admin")).build())) {
            assertThatThrownBy(() -> registrar.register(repository("team/app").build()))
                    .isInstanceOf(ConsoleRejectedException.class)
                    .hasMessageContaining(sim.url() + "/wrong-prefix")
                    .hasMessageContaining("Check consoleUrl")
                    .hasMessageContaining("prefix");
        }
    }

    @Test
    void interruptingTheCallingThreadStopsTheRunPromptlyAndWritesNothing() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("GET", "settings/registry").delay(Duration.ofSeconds(8)));
        AtomicReference<Throwable> outcome = new AtomicReference<>();

        try (RegistryRegistrar registrar = registrar(sim)) {
            Thread worker = new Thread(() -> {
                try {
                    registrar.register(repository("team/app").build());
                    outcome.set(new AssertionError("register returned"));
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            worker.start();
            // The settings GET is delayed; once the version call is answered, it is the one in flight.
            while (sim.requests("GET", "version").isEmpty() && worker.isAlive()) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
            worker.interrupt();
            worker.join(5_000);

            assertThat(worker.isAlive()).as("worker still running after interrupt").isFalse();
        }
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(writes(sim)).isEmpty();
    }

    @Test
    void aTokenOlderThanTheRenewalAgeIsReplacedByLoggingInAgain() throws Exception {
        ConsoleSimulator sim = simulator.get();
        io.github.prismaregistry.console.Timing renewAlways = new io.github.prismaregistry.console.Timing(Duration.ofMillis(5),
                Duration.ofMillis(40), Duration.ofSeconds(5), Duration.ZERO, Duration.ofMillis(10));

        try (RegistryRegistrar registrar = TestRegistrars.withTiming(connection(sim).build(), log, backups, renewAlways).build()) {
            registrar.register(repository("team/one").build());
            int logins = sim.loginCount();
            Thread.sleep(5);
            registrar.register(repository("team/two").build());

            assertThat(sim.loginCount()).isGreaterThan(logins);
        }
        assertThat(sim.requests()).noneMatch(r -> r.status() == 401);
    }

    @Test
    void aGatewayErrorOnThePostIsCheckedByReadingBeforeItIsSentAgain() throws Exception {
        ConsoleSimulator sim = simulator.get();
        sim.inject(Fault.on("POST", "settings/registry").respond(503, "{\"err\":\"unavailable\"}"));

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/app").build());
        }

        assertThat(result.action()).isEqualTo(Action.ADDED);
        assertThat(result.writes()).isEqualTo(2);
        assertThat(count(sim.specifications(), REGISTRY, "team/app")).isEqualTo(1);
        List<String> sequence = sim.requests().stream().filter(r -> "settings/registry".equals(r.endpoint()))
                .map(r -> r.method() + " " + r.status()).toList();
        assertThat(sequence).containsExactly("GET 200", "POST 503", "GET 200", "GET 200", "POST 200", "GET 200");
    }
}
