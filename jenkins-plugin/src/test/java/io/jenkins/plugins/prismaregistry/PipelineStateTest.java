package io.jenkins.plugins.prismaregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import hudson.AbortException;
import io.github.prismaregistry.api.ConsoleCredentials;
import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.simulator.ConsoleSimulator;
import io.github.prismaregistry.simulator.ConsoleSimulatorExtension;
import io.jenkins.plugins.prismaregistry.core.ConnectionSettings;
import io.jenkins.plugins.prismaregistry.core.Operation;
import io.jenkins.plugins.prismaregistry.core.PlainTypes;
import io.jenkins.plugins.prismaregistry.core.RegistrationTask;
import io.jenkins.plugins.prismaregistry.core.ResultFiles;
import io.jenkins.plugins.prismaregistry.core.StepArguments;
import io.jenkins.plugins.prismaregistry.freestyle.PrismaRegistryBuilder;
import io.jenkins.plugins.prismaregistry.step.PrismaRegistryRegisterStep;
import io.jenkins.plugins.prismaregistry.step.PrismaRegistryScanStep;
import io.jenkins.plugins.prismaregistry.step.PrismaRegistryUnregisterStep;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the plugin hands to Jenkins holds JDK and Jenkins core types only: the Maps the steps return, the fields of
 * what Jenkins stores (the run action in build.xml, the global configuration, the build step and the steps) and
 * every exception the steps throw. Each Map and exception is also written with Java serialisation and read back
 * through a stream that, like Jenkins' class filter with the bundled engine jar, refuses every other class.
 */
class PipelineStateTest {

    private static final String PASSWORD = "canary-pw-0ddba11";
    private static final String IMAGE = "registry.example.com/team/app:1.4.2";

    @RegisterExtension
    final ConsoleSimulatorExtension simulator =
            new ConsoleSimulatorExtension(ConsoleSimulator.builder().user("ci", PASSWORD).seed(20));

    @TempDir
    Path buildDir;

    private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private Map<String, Object> call(Operation operation, StepArguments arguments, RegistrationTask.CredentialsSource login)
            throws Exception {
        return new RegistrationTask(operation, arguments,
                ConnectionSettings.builder().consoleUrl(simulator.get().url()).retries(0).build(), "test")
                .runForJenkins(login, null, buildDir.resolve(ResultFiles.DIRECTORY), log);
    }

    private static RegistrationTask.CredentialsSource login(String password) {
        return () -> ConsoleCredentials.usernamePassword("ci", password);
    }

    @Test
    void everyMapTheStepsReturnHoldsOnlyJdkValues() throws Exception {
        List<Map<String, Object>> maps = new ArrayList<>();
        maps.add(call(Operation.REGISTER, new StepArguments().image(IMAGE).dryRun(true), login(PASSWORD)));
        maps.add(call(Operation.REGISTER, new StepArguments().image(IMAGE), login(PASSWORD)));
        maps.add(call(Operation.REGISTER, new StepArguments().image(IMAGE), login(PASSWORD)));
        maps.add(call(Operation.UNREGISTER, new StepArguments().image(IMAGE), login(PASSWORD)));
        maps.add(call(Operation.UNREGISTER, new StepArguments().image(IMAGE), login(PASSWORD)));
        maps.add(call(Operation.REGISTER, new StepArguments().image(IMAGE).failOnError(false), login(PASSWORD + "-x")));
        maps.add(call(Operation.REGISTER, new StepArguments().image("not a reference!").failOnError(false),
                login(PASSWORD)));
        maps.add(call(Operation.REGISTER, new StepArguments().image(IMAGE).failOnError(false), () -> {
            throw new InvalidRequestException("credentialsId", "No credentials with ID 'prisma'.");
        }));

        assertThat(maps).extracting(m -> m.get("action")).containsExactly(
                "DRY_RUN", "ADDED", "ALREADY_COVERED", "REMOVED", "NOT_FOUND", "FAILED", "FAILED", "FAILED");
        for (Map<String, Object> map : maps) {
            assertThat(nonPlainValues(map, "result")).as("values outside the JDK in %s", map).isEmpty();
            assertThat(throughClassFilter(map)).isEqualTo(map);
        }
    }

    @Test
    void aFailureIsAnAbortExceptionWithNeitherCauseNorSuppressedException() throws Exception {
        Throwable thrown = catchThrowable(() -> call(Operation.REGISTER, new StepArguments().image(IMAGE), login(PASSWORD + "-x")));

        assertThat(thrown).isExactlyInstanceOf(AbortException.class).hasNoCause()
                .hasMessageStartingWith("Could not register " + IMAGE);
        assertThat(thrown.getSuppressed()).isEmpty();
        assertThat(throughClassFilter(thrown)).isInstanceOf(AbortException.class).hasMessage(thrown.getMessage());
    }

    @Test
    void everyKindOfFailureTheStepsThrowIsPlain() throws Exception {
        List<Throwable> thrown = new ArrayList<>();
        thrown.add(catchThrowable(() -> call(Operation.REGISTER, new StepArguments().image(IMAGE), login(PASSWORD + "-x"))));
        thrown.add(catchThrowable(() -> call(Operation.UNREGISTER, new StepArguments().image("not a reference!"), login(PASSWORD))));
        thrown.add(catchThrowable(() -> call(Operation.REGISTER, new StepArguments().image(IMAGE), () -> {
            throw new InvalidRequestException("credentialsId", "No credentials with ID 'prisma'.");
        })));
        thrown.add(catchThrowable(() -> call(Operation.REGISTER, new StepArguments().image(IMAGE), () -> {
            throw new EngineBug("the engine broke", new EngineBug("deeper, with " + PASSWORD, null));
        })));
        thrown.add(catchThrowable(() -> new RegistrationTask(Operation.REGISTER, new StepArguments().image(IMAGE),
                ConnectionSettings.builder().consoleUrl("http://127.0.0.1:1").retries(0).build(), "test")
                .runForJenkins(login(PASSWORD), null, buildDir.resolve(ResultFiles.DIRECTORY), log)));

        assertThat(thrown).doesNotContainNull();
        assertThat(thrown).hasAtLeastOneElementOfType(AbortException.class).hasAtLeastOneElementOfType(IllegalStateException.class);
        for (Throwable t : thrown) {
            assertThat(PlainTypes.isPlainChain(t)).as("plain chain: %s", t).isTrue();
            if (t instanceof AbortException) {
                assertThat(t).hasNoCause();
                assertThat(t.getSuppressed()).isEmpty();
            }
            assertThat(String.valueOf(t)).doesNotContain(PASSWORD);
            throughClassFilter(t);
        }
    }

    @Test
    void whatJenkinsStoresOfTheActionTheConfigurationTheBuildStepAndTheStepsHasOnlyPlainFieldTypes() throws Exception {
        List<Class<?>> stored = List.of(PrismaRegistryRunAction.class, PrismaRegistryConfiguration.class,
                PrismaRegistryBuilder.class, PrismaRegistryRegisterStep.class, PrismaRegistryUnregisterStep.class,
                Class.forName("io.jenkins.plugins.prismaregistry.step.PrismaRegistryStepExecution"),
                PrismaRegistryScanStep.class,
                Class.forName("io.jenkins.plugins.prismaregistry.step.PrismaRegistryScanStep$Execution"));
        List<String> problems = new ArrayList<>();
        int fields = 0;
        for (Class<?> type : stored) {
            // Our classes' own fields; the Jenkins and plugin API classes above them are Jenkins' business.
            for (Class<?> c = type; c != null && c.getName().startsWith("io.jenkins.plugins.prismaregistry."); c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
                        continue;
                    }
                    fields++;
                    if (!isPlainType(f.getGenericType())) {
                        problems.add(c.getName() + "." + f.getName() + " is a " + f.getGenericType().getTypeName());
                    }
                }
            }
        }
        assertThat(fields).as("stored fields found").isGreaterThan(20);
        assertThat(problems).isEmpty();
        assertThat(PrismaRegistryRunAction.class.getDeclaredField("run").getModifiers() & Modifier.TRANSIENT).isNotZero();
    }

    @Test
    void theFilterUsedHereRefusesAnEngineClass() {
        assertThatThrownBy(() -> throughClassFilter(new ArrayList<>(List.of(new EngineBug("x", null)))))
                .isInstanceOf(InvalidClassException.class);
        assertThat(nonPlainValues(Map.of("a", List.of(new EngineBug("x", null))), "result")).containsExactly("result.a[0]");
    }

    /** Paths of the values (at any depth) whose class is neither of the JDK nor of Jenkins core. */
    private static List<String> nonPlainValues(Object value, String path) {
        List<String> found = new ArrayList<>();
        if (value == null) {
            return found;
        }
        if (!PlainTypes.isPlain(value.getClass())) {
            found.add(path);
            return found;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                found.addAll(nonPlainValues(k, path + ".key"));
                found.addAll(nonPlainValues(v, path + "." + k));
            });
        } else if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object v : list) {
                found.addAll(nonPlainValues(v, path + "[" + i++ + "]"));
            }
        }
        return found;
    }

    private static boolean isPlainType(Type type) {
        if (type instanceof Class<?> c) {
            return c != Object.class && PlainTypes.isPlain(c);
        }
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                if (!isPlainType(argument)) {
                    return false;
                }
            }
            return isPlainType(p.getRawType());
        }
        if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                if (!isPlainType(bound)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Java serialisation there and back, refusing every class outside the JDK and Jenkins core on the way back. */
    @SuppressWarnings("unchecked")
    private static <T> T throughClassFilter(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                Class<?> c = super.resolveClass(desc);
                if (!PlainTypes.isPlain(c)) {
                    throw new InvalidClassException(c.getName(), "refused: neither JDK nor Jenkins core");
                }
                return c;
            }
        }) {
            return (T) in.readObject();
        }
    }

    /** Stands for an unexpected exception class of the bundled engine. */
    private static final class EngineBug extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EngineBug(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
