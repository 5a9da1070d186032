package io.github.prismaregistry.maven;

import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistrationOutcome;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.parameters.Operation;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Adds the image's repository to the Prisma Cloud Compute registry-scan settings, unless an existing entry already
 * covers it. Only one entry is appended; no other entry is changed or lost. Bound to {@code deploy} by default, so it
 * runs after the image was pushed.
 */
@Mojo(name = "register", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class RegisterMojo extends AbstractRegistryMojo {

    /**
     * When an entry for exactly this registry, repository and tag exists with different os, cap, scanners,
     * collections or credential, change those fields to the configured values. By default such an entry is left alone.
     */
    @Parameter(property = "prismaRegistry.updateExisting", defaultValue = "false")
    String updateExisting;

    @Inject
    public RegisterMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    Operation operation() {
        return Operation.REGISTER;
    }

    @Override
    RegistrationResult invoke(RegistryRegistrar registrar, RegistrationRequest request)
            throws PrismaRegistryException, InterruptedException {
        return registrar.register(request);
    }

    @Override
    List<RegistrationOutcome> invokeAll(RegistryRegistrar registrar, List<RegistrationRequest> requests)
            throws InterruptedException {
        return registrar.registerAll(requests);
    }
}
