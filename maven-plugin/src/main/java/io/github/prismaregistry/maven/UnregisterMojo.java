package io.github.prismaregistry.maven;

import io.github.prismaregistry.api.PrismaRegistryException;
import io.github.prismaregistry.api.RegistrationOutcome;
import io.github.prismaregistry.api.RegistrationRequest;
import io.github.prismaregistry.api.RegistrationResult;
import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.parameters.Operation;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Removes exactly the entry {@code register} would add for the same configuration. Wildcard entries that merely
 * cover the repository, and every other entry, stay.
 */
@Mojo(name = "unregister", threadSafe = true)
public class UnregisterMojo extends AbstractRegistryMojo {

    @Inject
    public UnregisterMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    Operation operation() {
        return Operation.UNREGISTER;
    }

    @Override
    RegistrationResult invoke(RegistryRegistrar registrar, RegistrationRequest request)
            throws PrismaRegistryException, InterruptedException {
        return registrar.unregister(request);
    }

    @Override
    List<RegistrationOutcome> invokeAll(RegistryRegistrar registrar, List<RegistrationRequest> requests)
            throws InterruptedException {
        return registrar.unregisterAll(requests);
    }
}
