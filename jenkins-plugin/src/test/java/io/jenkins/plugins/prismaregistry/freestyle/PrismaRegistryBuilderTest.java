package io.jenkins.plugins.prismaregistry.freestyle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.prismaregistry.core.Operation;
import org.junit.jupiter.api.Test;

/** The build step's operation choice, without Jenkins. */
class PrismaRegistryBuilderTest {

    @Test
    void registerIsTheDefaultAlsoForJobsSavedBeforeTheChoiceExisted() throws Exception {
        PrismaRegistryBuilder builder = new PrismaRegistryBuilder();

        assertThat(builder.getOperation()).isEqualTo("register");
        assertThat(builder.chosenOperation()).isEqualTo(Operation.REGISTER);
        builder.setOperation("  ");
        assertThat(builder.chosenOperation()).isEqualTo(Operation.REGISTER);
    }

    @Test
    void unregisterIsChosenInAnyCase() throws Exception {
        PrismaRegistryBuilder builder = new PrismaRegistryBuilder();
        builder.setOperation("Unregister");

        assertThat(builder.getOperation()).isEqualTo("unregister");
        assertThat(builder.chosenOperation()).isEqualTo(Operation.UNREGISTER);
    }

    @Test
    void anUnknownOperationFailsTheBuildNamingTheField() {
        PrismaRegistryBuilder builder = new PrismaRegistryBuilder();
        builder.setOperation("remove");

        assertThatThrownBy(builder::chosenOperation).isInstanceOf(AbortException.class)
                .hasMessage("Check 'operation': it must be 'register' or 'unregister', not 'remove'.");
    }
}
