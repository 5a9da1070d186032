package io.jenkins.plugins.prismaregistry.step;

import hudson.Extension;
import io.jenkins.plugins.prismaregistry.core.Operation;
import io.jenkins.plugins.prismaregistry.core.StepArguments;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code prismaRegistryRegister image: 'registry.example.com/team/app:1.2'}: makes sure the image's repository is
 * in the Console's registry-scan list, adding one entry only when no existing entry covers it.
 */
public final class PrismaRegistryRegisterStep extends PrismaRegistryStep {

    private boolean updateExisting;

    @DataBoundConstructor
    public PrismaRegistryRegisterStep() {
    }

    @Override
    Operation operation() {
        return Operation.REGISTER;
    }

    @Override
    StepArguments toArguments() {
        return super.toArguments().updateExisting(updateExisting);
    }

    public boolean isUpdateExisting() {
        return updateExisting;
    }

    @DataBoundSetter
    public void setUpdateExisting(boolean updateExisting) {
        this.updateExisting = updateExisting;
    }

    @Extension
    public static final class DescriptorImpl extends PrismaRegistryStepDescriptor {

        @Override
        public String getFunctionName() {
            return "prismaRegistryRegister";
        }

        @Override
        public String getDisplayName() {
            return "Register an image's repository for Prisma Cloud Compute registry scanning";
        }
    }
}
