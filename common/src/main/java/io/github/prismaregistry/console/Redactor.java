package io.github.prismaregistry.console;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** Last line of defence: removes every known secret from text that may reach a log or an exception message. */
public final class Redactor {

    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    public void add(String secret) {
        if (secret != null && !secret.isEmpty()) {
            secrets.add(secret);
        }
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, "****");
            }
        }
        return out;
    }
}
