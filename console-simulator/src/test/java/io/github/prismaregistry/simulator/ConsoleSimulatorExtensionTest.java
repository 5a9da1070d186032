package io.github.prismaregistry.simulator;

import static io.github.prismaregistry.simulator.Http.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConsoleSimulatorExtensionTest {

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class OnAnInstanceField {

        @RegisterExtension
        final ConsoleSimulatorExtension console = new ConsoleSimulatorExtension(ConsoleSimulator.builder().seed(2));

        @Test
        @Order(1)
        void aTestGetsARunningSeededSimulator() throws Exception {
            ConsoleSimulator sim = console.get();
            assertThat(Http.to(sim).get("/api/v1/settings/registry", ADMIN).statusCode()).isEqualTo(200);
            sim.seed(9);
        }

        @Test
        @Order(2)
        void theNextTestGetsAFreshOne() {
            assertThat(console.get().entryCount()).isEqualTo(2);
            assertThat(console.get().requests()).isEmpty();
        }
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class OnAStaticField {

        @RegisterExtension
        static final ConsoleSimulatorExtension CONSOLE = new ConsoleSimulatorExtension(ConsoleSimulator.builder()
                .seed(3));

        static int firstPort;

        @Test
        @Order(1)
        void firstTestChangesState() throws Exception {
            ConsoleSimulator sim = CONSOLE.get();
            firstPort = sim.port();
            Http.to(sim).put("/api/v1/settings/registry", "{}", ADMIN);
            sim.inject(Fault.on("GET", "version").always().respond(500, "{}"));
            assertThat(sim.entryCount()).isZero();
        }

        @Test
        @Order(2)
        void secondTestSeesTheSameServerResetToItsSeed() throws Exception {
            ConsoleSimulator sim = CONSOLE.get();
            assertThat(sim.port()).isEqualTo(firstPort);
            assertThat(sim.entryCount()).isEqualTo(3);
            assertThat(sim.requests()).isEmpty();
            assertThat(Http.to(sim).get("/api/v1/version", ADMIN).statusCode()).isEqualTo(200);
        }

        @Nested
        class InANestedClass {

            @Test
            void nestedTestsShareTheOuterClassSimulator() {
                assertThat(CONSOLE.get().port()).isEqualTo(firstPort);
                assertThat(CONSOLE.get().entryCount()).isEqualTo(3);
            }
        }
    }

    @Test
    void getOutsideATestExplainsTheProblem() {
        ConsoleSimulatorExtension unused = new ConsoleSimulatorExtension();
        org.assertj.core.api.Assertions.assertThatThrownBy(unused::get).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
    }
}
