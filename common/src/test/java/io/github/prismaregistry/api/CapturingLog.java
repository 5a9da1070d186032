package io.github.prismaregistry.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every line (debug included) so tests can check what reached the log. */
public final class CapturingLog implements RegistryLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public List<String> warnings() {
        return lines.stream().filter(l -> l.startsWith("WARN ")).toList();
    }

    public String all() {
        return String.join("\n", lines);
    }
}
