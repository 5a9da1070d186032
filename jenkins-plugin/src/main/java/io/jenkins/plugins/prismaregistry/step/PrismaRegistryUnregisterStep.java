package io.jenkins.plugins.prismaregistry.step;

import hudson.Extension;
import io.jenkins.plugins.prismaregistry.core.Operation;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code prismaRegistryUnregister image: '...'}: removes exactly the entry {@code prismaRegistryRegister} would add
 * for the same arguments, never a wider entry or anyone else's.
 */
public final class PrismaRegistryUnregisterStep extends PrismaRegistryStep {

    @DataBoundConstructor
    public PrismaRegistryUnregisterStep() {
    }

    @Override
    Operation operation() {
        return Operation.UNREGISTER;
    }

    @Extension
    public static final class DescriptorImpl extends PrismaRegistryStepDescriptor {

        @Override
        public String getFunctionName() {
            return "prismaRegistryUnregister";
        }

        @Override
        public String getDisplayName() {
            return "Remove an image's repository from Prisma Cloud Compute registry scanning";
        }
    }
}
