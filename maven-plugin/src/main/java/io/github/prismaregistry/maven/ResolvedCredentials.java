package io.github.prismaregistry.maven;

import io.github.prismaregistry.api.ConsoleCredentials;

/**
 * Console credentials plus where they were found, so messages can tell the user which setting to fix.
 *
 * @param credentials the login or token
 * @param source      e.g. {@code settings.xml <server> 'prisma-cloud'} or {@code environment PRISMA_TOKEN}
 * @param decrypted   the password was encrypted in settings.xml and decrypted with the master password
 */
record ResolvedCredentials(ConsoleCredentials credentials, String source, boolean decrypted) {

    ResolvedCredentials(ConsoleCredentials credentials, String source) {
        this(credentials, source, false);
    }

    ResolvedCredentials asDecrypted() {
        return new ResolvedCredentials(credentials, source, true);
    }

    @Override
    public String toString() {
        return credentials.describe() + " from " + source;
    }
}
