package io.github.prismaregistry.api;

/** A count with its noun in the right number, for messages ("1 entry", "3 entries"). */
public final class Plural {

    private Plural() {
    }

    public static String of(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    public static String entries(long count) {
        return of(count, "entry", "entries");
    }
}
