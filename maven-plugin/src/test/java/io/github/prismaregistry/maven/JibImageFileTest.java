package io.github.prismaregistry.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JibImageFileTest {

    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("jib-image.json"), json);
    }

    @Test
    void readsImageDigestAndPushedFlagAsJibWritesThem() throws Exception {
        Path file = write("{\"image\":\"registry.example.com/shop/checkout:1.4.2\",\"imageId\":\"sha256:1f2e\","
                + "\"imageDigest\":\"sha256:9a8b\",\"tags\":[\"1.4.2\",\"latest\"],\"imagePushed\":true}");

        assertThat(JibImageFile.read(file)).isEqualTo(new JibImageFile("registry.example.com/shop/checkout:1.4.2", "sha256:9a8b", true));
    }

    @Test
    void imageBuiltToTheDockerDaemonIsNotPushed() throws Exception {
        Path file = write("{\"image\":\"shop/checkout:1.4.2\",\"imagePushed\":false}");

        assertThat(JibImageFile.read(file).pushed()).isFalse();
    }

    @Test
    void fileFromOlderJibWithoutPushedFlagCountsAsPushed() throws Exception {
        assertThat(JibImageFile.read(write("{\"image\":\"quay.io/team/app\"}")).pushed()).isTrue();
    }

    @Test
    void fileWithoutDigestHasNone() throws Exception {
        assertThat(JibImageFile.read(write("{\"image\":\"quay.io/team/app:1\",\"imageDigest\":\" \"}")).digest()).isNull();
    }

    @Test
    void malformedFileFailsNamingTheFileAndTheOverride() throws Exception {
        Path file = write("{\"image\": ");

        assertThatThrownBy(() -> JibImageFile.read(file))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not valid JSON (line 1, column ")
                .hasMessageContaining("-DprismaRegistry.image")
                .hasMessageNotContaining("REDACTED")
                .hasMessageNotContaining("Source");
        Path corruptInTheMiddle = write("{\"image\":\"quay.io/team/app\",\n \"imagePushed\": tru }");
        assertThatThrownBy(() -> JibImageFile.read(corruptInTheMiddle)).hasMessageContaining("(line 2, column ");
    }


    @Test
    void fileWithoutImageFails() throws Exception {
        Path file = write("{\"imageDigest\":\"sha256:9a8b\"}");

        assertThatThrownBy(() -> JibImageFile.read(file))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("no \"image\"");
    }
}
