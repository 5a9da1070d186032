package io.github.prismaregistry.cli;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.RegistrationRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the raw option values into the engine's request and connection; mistakes name the option as typed. */
final class RequestReader {

    private final RawValues values;
    private final Path workingDirectory;

    RequestReader(RawValues values, Path workingDirectory) {
        this.values = values;
        this.workingDirectory = workingDirectory;
    }

    /** One request per image; one without an image when only registry and repository are given. */
    List<RegistrationRequest> requests(boolean register) throws UsageException {
        List<String> images = values.list("image");
        List<String> targets = images.isEmpty() ? java.util.Collections.singletonList(null) : images;
        List<RegistrationRequest> requests = new ArrayList<>();
        for (String image : targets) {
            RegistrationRequest.Builder b = RegistrationRequest.builder()
                    .image(image)
                    .registry(values.get("registry"))
                    .repository(values.get("repository"))
                    .tag(values.get("tag"))
                    .registryType(values.get("registryType"))
                    .registryCredentialId(values.get("registryCredentialId"))
                    .os(values.get("os"))
                    .cap(integer("cap"))
                    .scanners(integer("scanners"))
                    .collections(values.isSet("collections") ? values.list("collections") : null)
                    .scanLater(bool("scanLater"))
                    .dryRun(bool("dryRun"));
            if (register) {
                b.updateExisting(bool("updateExisting"));
            }
            requests.add(b.build());
        }
        return requests;
    }

    ConsoleConnection connection(CliCredentials.Resolved credentials, String userAgent) throws UsageException {
        String apiVersion = values.get("apiVersion");
        String caCertificate = values.get("caCertificate");
        return ConsoleConnection.builder(values.get("consoleUrl"))
                .apiVersion(apiVersion == null || apiVersion.trim().equalsIgnoreCase("discover") ? null : apiVersion)
                .project(values.get("project"))
                .credentials(credentials.credentials())
                .caCertificateFile(caCertificate == null ? null : path("caCertificate"))
                .insecureSkipTlsVerify(bool("insecureSkipTlsVerify"))
                .connectTimeout(seconds("connectTimeout", ConsoleConnection.DEFAULT_CONNECT_TIMEOUT))
                .readTimeout(seconds("readTimeout", ConsoleConnection.DEFAULT_READ_TIMEOUT))
                .retries(integerOr("retries", ConsoleConnection.DEFAULT_RETRIES))
                .userAgent(userAgent)
                .build();
    }

    Path outputDirectory() {
        String raw = values.get("outputDirectory");
        return workingDirectory.resolve(raw == null ? values.definition("outputDirectory").defaultValue() : raw);
    }

    Path path(String name) {
        return workingDirectory.resolve(values.get(name));
    }

    boolean bool(String name) throws UsageException {
        String raw = values.get(name);
        if (raw == null) {
            String fallback = values.definition(name).defaultValue();
            return Boolean.parseBoolean(fallback);
        }
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        throw invalid(name, raw, "expected true or false");
    }

    private Integer integer(String name) throws UsageException {
        String raw = values.get(name);
        if (raw == null) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, raw, "expected a whole number");
        }
    }

    private int integerOr(String name, int fallback) throws UsageException {
        Integer v = integer(name);
        return v == null ? fallback : v;
    }

    private Duration seconds(String name, Duration fallback) throws UsageException {
        Integer v = integer(name);
        if (v == null) {
            return fallback;
        }
        if (v <= 0) {
            throw invalid(name, values.get(name), "expected a number of seconds above 0");
        }
        return Duration.ofSeconds(v);
    }

    private UsageException invalid(String name, String raw, String expected) {
        return new UsageException("Invalid " + values.source(name) + " '" + raw + "': " + expected + ".");
    }
}
