package io.github.prismaregistry.merge;

/** {@code *} patterns as Prisma uses them in repository and tag fields: {@code *} matches any run of characters. */
public final class Glob {

    private Glob() {
    }

    /** Whether {@code pattern} matches all of {@code text}; no allocation, linear back-tracking on the last star. */
    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < pattern.length() && same(pattern.charAt(p), text.charAt(t), ignoreCase)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
