package io.github.prismaregistry.api;

/** What a register or unregister did (or, for a dry run, {@link #DRY_RUN} with the planned action beside it). */
public enum Action {
    /** The entry was appended. */
    ADDED,
    /** An existing entry already covers the request; nothing was written. */
    ALREADY_COVERED,
    /** An existing entry for the same repository was changed, because the user asked for it. */
    UPDATED,
    /** The exact entry was removed. */
    REMOVED,
    /** Unregister found no exact entry; nothing was written. */
    NOT_FOUND,
    /** Nothing was written; see the planned action. */
    DRY_RUN
}
