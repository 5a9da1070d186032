package io.github.prismaregistry.api;

/** Adding the entry would take the Console's list past the most it accepts (19,999). Nothing was written. */
public class RegistryLimitException extends PrismaRegistryException {

    private static final long serialVersionUID = 1L;

    /** The most registry entries Prisma Cloud Compute accepts. */
    public static final int CONSOLE_LIMIT = 19_999;

    private final int entries;
    private final int limit;

    public RegistryLimitException(int entries, int limit, String message) {
        super(message);
        this.entries = entries;
        this.limit = limit;
    }

    /** Entries the Console held when the write was refused. */
    public int entries() {
        return entries;
    }

    public int limit() {
        return limit;
    }
}
