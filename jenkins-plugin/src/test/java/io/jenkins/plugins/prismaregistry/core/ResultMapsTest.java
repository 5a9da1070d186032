package io.jenkins.plugins.prismaregistry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.prismaregistry.api.Action;
import io.github.prismaregistry.api.ConsoleAuthenticationException;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.RegistrationResult;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultMapsTest {

    private static RegistrationResult added() {
        return RegistrationResult.builder(Action.ADDED)
                .entry(Map.of("version", "2", "registry", "registry.example.com", "repository", "team/app", "tag", "",
                        "cap", 5, "collections", List.of("All")))
                .entriesBefore(10)
                .entriesAfter(11)
                .writes(1)
                .duplicates(1)
                .backupFile(Path.of("/var/jenkins/jobs/p/builds/1/prisma-registry/backup.json"))
                .consoleUrl("https://console.example.com")
                .consoleVersion("34.04.145")
                .apiVersion("v34.04")
                .build();
    }

    @Test
    void successIsTheEnginesResultPlusTheOperation() {
        Map<String, Object> map = ResultMaps.success(Operation.REGISTER, added());

        assertThat(map).containsEntry("action", "ADDED")
                .containsEntry("changed", true)
                .containsEntry("entriesBefore", 10)
                .containsEntry("entriesAfter", 11)
                .containsEntry("consoleVersion", "34.04.145")
                .containsEntry("operation", "register")
                .containsEntry("message", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) map.get("entry");
        assertThat(entry).containsEntry("repository", "team/app");
    }

    @Test
    void aConfigurationMistakeNamesTheParameter() {
        Map<String, Object> map = ResultMaps.failure(Operation.UNREGISTER, "x",
                new InvalidRequestException("image", "not an image reference"), "Could not unregister x: ...");

        assertThat(map).containsEntry("action", ResultMaps.FAILED)
                .containsEntry("changed", false)
                .containsEntry("operation", "unregister")
                .containsEntry("target", "x")
                .containsEntry("message", "Could not unregister x: ...")
                .containsEntry("errorType", "InvalidRequestException")
                .containsEntry("parameter", "image");
    }

    @Test
    void aRuntimeFailureHasNoParameter() {
        Map<String, Object> map = ResultMaps.failure(Operation.REGISTER, "x",
                new ConsoleAuthenticationException("the Console rejected user 'ci' (HTTP 401)"), "msg");

        assertThat(map).containsEntry("errorType", "ConsoleAuthenticationException").containsEntry("parameter", null);
    }

    @Test
    void bothShapesAreSerializableSoAPipelineCanKeepThemAcrossARestart() throws Exception {
        for (Map<String, Object> map : List.of(ResultMaps.success(Operation.REGISTER, added()),
                ResultMaps.failure(Operation.REGISTER, "x", new InvalidRequestException("cap", "negative"), "m"))) {
            try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
                out.writeObject(map);
            }
        }
    }
}
