package io.jenkins.plugins.prismaregistry.core;

import io.github.prismaregistry.api.ConsoleConnection;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.ProxySettings;
import io.github.prismaregistry.parameters.ParameterNaming;
import io.github.prismaregistry.parameters.ParameterReader;
import io.github.prismaregistry.parameters.ParameterValues;
import io.github.prismaregistry.parameters.Parameters;
import io.github.prismaregistry.scan.ImageScanner;
import io.github.prismaregistry.scan.ScanRequest;
import io.github.prismaregistry.scan.ScanResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scan-and-gate call, from plain values to the returned map. The Pipeline step and the freestyle build step both
 * end up here; the Jenkins side only supplies credentials, proxy, build folder and log, and turns a failing
 * {@link Outcome} into a build failure.
 */
public final class ScanTask {

    /** {@code verdict} of a call that could not judge the image, returned when {@code failOnError: false}. */
    public static final String ERROR = "ERROR";

    /** Offenders named in the failure message; the reports list them all. */
    static final int OFFENDERS_SHOWN = 5;

    /**
     * What the call produced.
     *
     * @param result      the map the step returns (plain JDK types), also written as the call's result file
     * @param reportFiles the report files the engine wrote (none after an error)
     * @param failure     the masked message the build fails with (a failed gate, or an error with
     *                    {@code failOnError} on); {@code null} when the build goes on
     */
    public record Outcome(Map<String, Object> result, List<Path> reportFiles, String failure) {
        public boolean failsBuild() {
            return failure != null;
        }
    }

    private final StepArguments arguments;
    private final ConnectionSettings settings;
    private final String userAgent;

    /**
     * @param arguments the step's own values: {@code image}, the gate, {@code failOnError}, optionally the Console
     * @param settings  the global configuration, used where the step leaves a value unset
     */
    public ScanTask(StepArguments arguments, ConnectionSettings settings, String userAgent) {
        this.arguments = arguments;
        this.settings = settings;
        this.userAgent = userAgent;
    }

    /**
     * Runs the scan. Progress and the verdict table go to {@code log}; the reports and the result map go to
     * {@code workDirectory}.
     *
     * @param proxy {@code null} for a direct connection
     */
    public Outcome run(RegistrationTask.CredentialsSource credentials, ProxySettings proxy, Path workDirectory,
            PrintStream log) throws InterruptedException, IOException {
        SecretMasker masker = new SecretMasker();
        if (proxy != null) {
            masker.addLogin(proxy.username(), proxy.password());
        }
        masker.add(RegistrationTask.userInfoPassword(Strings.firstNonBlank(arguments.consoleUrl(), settings.consoleUrl())));
        try {
            // Every value is checked before the credentials are looked up or anything is sent.
            ParameterValues values = ParameterReader.read(arguments.orElse(settings), ParameterNaming.JENKINS,
                    Operation.SCAN.catalogueOperation());
            if (values.get(Parameters.IMAGE) == null) {
                throw new InvalidRequestException(Parameters.IMAGE.name(), "No image to scan: pass image, e.g."
                        + " image: 'registry.example.com/team/app:1.4.2' (a tag or @sha256:... digest).");
            }
            ConsoleCredentials consoleCredentials = credentials.resolve();
            masker.addLogin(consoleCredentials.username(), consoleCredentials.secret());
            ConsoleConnection connection = ConnectionAssembler.assemble(values, consoleCredentials, proxy, userAgent);
            ScanRequest request = values.scanRequest().outputDirectory(workDirectory).build();
            log.println(masker.mask("Prisma Cloud Compute: scan " + request.image() + " on "
                    + RegistrationTask.withoutUserInfo(connection.consoleUrl()) + ", " + request.policy()));
            ScanResult scan;
            try (ImageScanner scanner = ImageScanner.builder(connection).log(new MaskingLog(log, masker)).build()) {
                scan = scanner.scan(request);
            }
            Map<String, Object> result = ScanMaps.of(scan);
            ResultFiles.write(workDirectory, Operation.SCAN, result, masker);
            String failure = scan.passed() ? null : masker.mask(scan.gateFailureMessage(OFFENDERS_SHOWN));
            return new Outcome(result, scan.reportFiles(), failure);
        } catch (PrismaRegistryException e) {
            String message = masker.mask(failureMessage(e));
            Map<String, Object> error = ScanMaps.error(arguments.image(), e, message);
            Path file = ResultFiles.write(workDirectory, Operation.SCAN, error, masker);
            if (arguments.failOnError()) {
                return new Outcome(error, List.of(), message);
            }
            log.println("WARNING: " + message);
            log.println("failOnError is false, so the build goes on with verdict ERROR; details in " + file);
            return new Outcome(error, List.of(), null);
        } catch (RuntimeException e) {
            throw Masking.rethrowable(e, masker);
        }
    }

    private String failureMessage(PrismaRegistryException e) {
        String what = "Could not scan " + (arguments.image() == null ? "(no image)" : arguments.image())
                + " with Prisma Cloud Compute";
        if (e instanceof InvalidRequestException invalid && invalid.parameter() != null) {
            return what + ". Check '" + invalid.parameter() + "': " + e.getMessage();
        }
        return what + ": " + e.getMessage();
    }

    /** The step's return value and result file: plain, serializable JDK collections only. */
    static final class ScanMaps {

        private ScanMaps() {
        }

        static Map<String, Object> of(ScanResult scan) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) plain(scan.toMap());
            map.put("message", null);
            return map;
        }

        static Map<String, Object> error(String image, PrismaRegistryException e, String message) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("operation", Operation.SCAN.verb());
            map.put("image", image);
            map.put("verdict", ERROR);
            map.put("counts", null);
            map.put("counted", new ArrayList<>());
            map.put("reportFiles", new ArrayList<>());
            map.put("message", message);
            map.put("errorType", e.getClass().getSimpleName());
            map.put("parameter", e instanceof InvalidRequestException invalid ? invalid.parameter() : null);
            return map;
        }

        /** Deep copy into LinkedHashMap, ArrayList and JDK scalars; anything else becomes its text. */
        static Object plain(Object value) {
            if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                    || value instanceof Long || value instanceof Double) {
                return value;
            }
            if (value instanceof Number number) {
                return number.doubleValue();
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
                return copy;
            }
            if (value instanceof Iterable<?> items) {
                List<Object> copy = new ArrayList<>();
                items.forEach(item -> copy.add(plain(item)));
                return copy;
            }
            return String.valueOf(value);
        }
    }
}
