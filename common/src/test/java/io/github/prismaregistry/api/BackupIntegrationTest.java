package io.github.prismaregistry.api;

import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.github.prismaregistry.simulator.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The backup is saved while the list arrives, yet it is the GET body exactly, and complete before any write. */
class BackupIntegrationTest extends SimulatorTestSupport {

    @RegisterExtension
    final ConsoleSimulatorExtension simulator = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(8000));

    /** The list body as the console serves it right now. */
    private static byte[] getBody(ConsoleSimulator sim) throws Exception {
        String basic = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.url()
                + "/api/v1/settings/registry")).header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private List<Path> backupFiles() throws Exception {
        try (Stream<Path> files = Files.list(backups)) {
            return files.toList();
        }
    }

    @Test
    void theBackupIsTheGetBodyByteForByteAndCompleteWhenTheWriteArrives() throws Exception {
        ConsoleSimulator sim = simulator.get();
        byte[] served = getBody(sim);
        List<byte[]> onDiskAtWrite = new ArrayList<>();
        sim.inject(Fault.on("POST", "settings/registry").nth(1).foreignWriteBefore(list -> {
            try {
                for (Path file : backupFiles()) {
                    onDiskAtWrite.add(Files.readAllBytes(file));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return list;
        }));

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/backed-up").build());
        }

        assertThat(result.action()).isEqualTo(Action.ADDED);
        assertThat(Files.readAllBytes(result.backupFile())).isEqualTo(served);
        assertThat(onDiskAtWrite).singleElement().isEqualTo(served);
        assertThat(backupFiles()).containsExactly(result.backupFile());
    }

    @Test
    void aListCutOffWhileBeingSavedLeavesNoPartialFileAndTheBackupIsTheBodyReadAgain() throws Exception {
        ConsoleSimulator sim = simulator.get();
        byte[] served = getBody(sim);
        sim.inject(Fault.on("GET", "settings/registry").nth(1).truncateBody());

        RegistrationResult result;
        try (RegistryRegistrar registrar = registrar(sim)) {
            result = registrar.register(repository("team/cut-off").build());
        }

        assertThat(result.action()).isEqualTo(Action.ADDED);
        assertThat(backupFiles()).containsExactly(result.backupFile());
        assertThat(Files.readAllBytes(result.backupFile())).isEqualTo(served);
    }

    @Test
    void nothingIsWrittenWhenTheBackupCannotBeSaved() throws Exception {
        ConsoleSimulator sim = simulator.get();
        Path notADirectory = Files.writeString(backups.resolve("occupied"), "a file where the backup directory should be");
        int before = sim.entryCount();

        try (RegistryRegistrar registrar = TestRegistrars.fast(connection(sim).build(), log, notADirectory).build()) {
            assertThatThrownBy(() -> registrar.register(repository("team/no-backup").build()))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("backup")
                    .hasMessageContaining("Nothing was written");
        }

        assertThat(writes(sim)).isEmpty();
        assertThat(sim.entryCount()).isEqualTo(before);
    }

    @Test
    void aRunThatWritesNothingLeavesNoBackupBehind() throws Exception {
        ConsoleSimulator sim = simulator.get();
        try (RegistryRegistrar registrar = registrar(sim)) {
            registrar.register(repository("team/once").build());
            for (Path file : backupFiles()) {
                Files.delete(file);
            }
            assertThat(registrar.register(repository("team/once").build()).action()).isEqualTo(Action.ALREADY_COVERED);
            assertThat(registrar.unregister(repository("team/never-there").build()).action()).isEqualTo(Action.NOT_FOUND);
        }
        assertThat(TestRegistrars.backupsLeft(backups)).isEmpty();
    }
}
