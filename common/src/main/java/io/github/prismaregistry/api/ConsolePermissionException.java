package io.github.prismaregistry.api;

/** The user authenticated but may not read or change registry scan settings (HTTP 403); it needs the {@code policyContainers} permission. */
public class ConsolePermissionException extends PrismaRegistryException {

    private static final long serialVersionUID = 1L;

    public ConsolePermissionException(String message) {
        super(message);
    }

    public ConsolePermissionException(String message, Throwable cause) {
        super(message, cause);
    }
}
