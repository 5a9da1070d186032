package io.github.prismaregistry.faultsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.api.RegistryLog;
import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A simulator with a realistic list, a few entries owned by a "foreign" team, and registrars that talk to it. */
final class Harness implements AutoCloseable {

    static final String USER = "ci-robot";
    /** Must never show up in a log line, exception message or result. */
    static final String CANARY = "canary-Pw-5b1f0c1e-do-not-print";
    static final String FOREIGN_PASSWORD = "foreign-team-password";
    static final String REGISTRY = "registry.faults.example";
    static final String FOREIGN_REGISTRY = "registry.foreign-team.example";
    static final int SEEDED = 300;
    /** Short, so a held request becomes a timeout quickly; still far above a healthy request on a busy machine. */
    static final Duration READ_TIMEOUT = Duration.ofMillis(1500);

    final ConsoleSimulator sim;
    final Path backups;
    /** Every line any registrar of this harness logged. */
    final List<String> logLines = Collections.synchronizedList(new ArrayList<>());

    private Harness(ConsoleSimulator sim, Path backups) {
        this.sim = sim;
        this.backups = backups;
    }

    static Harness start() {
        return start(SEEDED, 3);
    }

    /** {@code seeded} realistic entries followed by {@code foreignEntries} entries of the foreign team. */
    static Harness start(int seeded, int foreignEntries) {
        try {
            ConsoleSimulator sim = ConsoleSimulator.builder()
                    .user(USER, CANARY)
                    // Another team's tool that talks to the console over HTTP like we do; its requests are not ours.
                    .user(ConsoleSimulator.FOREIGN_WRITER, FOREIGN_PASSWORD)
                    .requestLogLimit(10_000, 64L * 1024 * 1024)
                    .seed(seeded)
                    .start();
            List<ObjectNode> entries = sim.specifications();
            for (int i = 1; i <= foreignEntries; i++) {
                entries.add(foreignEntry("foreign/app-" + i));
            }
            sim.setSpecifications(entries);
            return new Harness(sim, Files.createTempDirectory("fault-suite-backups"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode foreignEntry(String repository) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("version", "2");
        e.put("registry", FOREIGN_REGISTRY);
        e.put("repository", repository);
        e.put("tag", "");
        e.put("os", "linux");
        e.put("cap", 0);
        e.put("scanners", 1);
        e.putArray("collections").add("foreign-team");
        e.put("credentialID", "foreign-robot");
        e.put("x-owner", "foreign-team");
        return e;
    }

    static boolean isForeign(JsonNode e) {
        return FOREIGN_REGISTRY.equals(e.path("registry").asText());
    }

    static RegistrationRequest request(String repository) {
        return RegistrationRequest.builder().registry(REGISTRY).repository(repository).build();
    }

    /** Entries with the key register would add for this repository (any other field may differ). */
    static boolean isOurs(JsonNode e, String repository) {
        return REGISTRY.equals(e.path("registry").asText()) && repository.equals(e.path("repository").asText())
                && e.path("tag").asText("").isEmpty();
    }

    ConsoleConnection connection() {
        return ConsoleConnection.builder(sim.url())
                .credentials(ConsoleCredentials.usernamePassword(USER, CANARY))
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(READ_TIMEOUT)
                .retries(2)
                .build();
    }

    RegistryRegistrar registrar() {
        try {
            return RegistryRegistrar.builder(connection()).log(log()).backupDirectory(backups).build();
        } catch (InvalidRequestException e) {
            throw new IllegalStateException("the harness built an invalid connection: " + e.getMessage(), e);
        }
    }

    /** A log that keeps every line in {@link #logLines}. */
    RegistryLog log() {
        return new RegistryLog() {
            @Override
            public void info(String message) {
                logLines.add("INFO " + message);
            }

            @Override
            public void warn(String message) {
                logLines.add("WARN " + message);
            }

            @Override
            public void debug(String message) {
                logLines.add("DEBUG " + message);
            }
        };
    }

    /** Requests our clients sent (the simulator also logs injected foreign writes; those are not ours). */
    List<RecordedRequest> ourRequests() {
        return sim.requests().stream().filter(r -> !ConsoleSimulator.FOREIGN_WRITER.equals(r.user())).toList();
    }

    int ourWrites() {
        return (int) ourRequests().stream()
                .filter(r -> "settings/registry".equals(r.endpoint()))
                .filter(r -> "POST".equals(r.method()) || "PUT".equals(r.method()))
                .count();
    }

    /** True when any log line or backup file of this harness shows the password. */
    boolean canaryLeaked() {
        synchronized (logLines) {
            if (logLines.stream().anyMatch(l -> l.contains(CANARY))) {
                return true;
            }
        }
        return backupsContainCanary();
    }

    /** Backups hold what the Console returned; the canary must not be in them either. */
    boolean backupsContainCanary() {
        try (Stream<Path> files = Files.walk(backups)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8).contains(CANARY)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        sim.close();
        try (Stream<Path> files = Files.walk(backups)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
