package io.github.prismaregistry.maven;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Reads the {@code jib-image.json} that Jib's build, dockerBuild and buildTar goals write, e.g.
 * {@code {"image":"registry.example.com/shop/checkout:1.4.2","imageDigest":"sha256:...","imagePushed":true}}.
 *
 * @param image  the reference Jib built, as Jib prints it (Docker Hub images without a registry)
 * @param digest the pushed manifest's digest ({@code sha256:...}), or {@code null} when Jib wrote none
 * @param pushed whether the image reached a registry; only pushed images can be scanned from one
 */
record JibImageFile(String image, String digest, boolean pushed) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JibImageFile read(Path file) throws MojoFailureException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            // Jackson's own text describes its input as REDACTED; the line and column are what helps.
            JsonLocation at = e.getLocation();
            throw new MojoFailureException(file + " (written by Jib) is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ", perhaps because a build was cut off while writing it. Delete it and build the image with Jib again,"
                    + " or set <image> / -DprismaRegistry.image explicitly.", e);
        } catch (IOException e) {
            throw new MojoFailureException("Could not read " + file + " (written by Jib): " + e.getMessage()
                    + ". Rebuild the image, or set <image> / -DprismaRegistry.image explicitly.", e);
        }
        JsonNode image = root == null ? null : root.get("image");
        if (image == null || !image.isTextual() || image.asText().isBlank()) {
            throw new MojoFailureException(file + " has no \"image\" field. Rebuild the image with Jib, or set <image> /"
                    + " -DprismaRegistry.image explicitly.");
        }
        JsonNode digest = root.get("imageDigest");
        JsonNode pushed = root.get("imagePushed");
        // Older Jib versions do not write imagePushed; trust the file rather than refuse one we cannot judge.
        String pushedDigest = digest != null && digest.isTextual() && !digest.asText().isBlank() ? digest.asText().trim() : null;
        return new JibImageFile(image.asText().trim(), pushedDigest, pushed == null || pushed.asBoolean(true));
    }
}
