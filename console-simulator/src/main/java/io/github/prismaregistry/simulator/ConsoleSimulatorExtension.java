package io.github.prismaregistry.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that runs a {@link ConsoleSimulator} for tests.
 *
 * <pre>{@code
 * @RegisterExtension
 * ConsoleSimulatorExtension console = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(100));
 *
 * @Test
 * void addsTheEntry() {
 *     ConsoleSimulator sim = console.get();
 *     ...
 * }
 * }</pre>
 *
 * <p>On an instance field, a fresh simulator starts before each test and stops after it. On a {@code static} field,
 * one simulator starts before the class's first test and stops after its last; before every test it is
 * {@link ConsoleSimulator#reset() reset} to the seeded state (same URL, port and CA), unless
 * {@link #keepStateBetweenTests()} was called.
 *
 * <p>Needs junit-jupiter-api on the test class path (the simulator declares it optional).
 */
public final class ConsoleSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final ConsoleSimulator.Builder builder;
    private volatile ConsoleSimulator simulator;
    private volatile boolean perClass;
    /** Class containers entered; @Nested classes inherit a static registration and call beforeAll again. */
    private int classDepth;
    private volatile boolean resetBetweenTests = true;

    /** A simulator with the builder defaults (user admin/admin, no entries). */
    public ConsoleSimulatorExtension() {
        this(ConsoleSimulator.builder());
    }

    /** A simulator configured by this builder; the builder is started anew for each test (or once per class). */
    public ConsoleSimulatorExtension(ConsoleSimulator.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /** When registered statically, keep entries, log and faults from one test to the next. */
    public ConsoleSimulatorExtension keepStateBetweenTests() {
        this.resetBetweenTests = false;
        return this;
    }

    /**
     * The running simulator.
     *
     * @throws IllegalStateException outside a test (before it started or after it stopped)
     */
    public ConsoleSimulator get() {
        ConsoleSimulator running = simulator;
        if (running == null) {
            throw new IllegalStateException("the console simulator is not running: use it inside a test method");
        }
        return running;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0) {
            perClass = true;
            simulator = start();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            stop();
            perClass = false;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            simulator = start();
        } else if (resetBetweenTests && simulator != null) {
            simulator.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private ConsoleSimulator start() {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the console simulator: " + e.getMessage(), e);
        }
    }

    private void stop() {
        ConsoleSimulator running = simulator;
        simulator = null;
        if (running != null) {
            running.close();
        }
    }
}
