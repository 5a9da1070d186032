package io.github.prismaregistry.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What users run today instead of this client, sending their requests with the same raw HTTP client as the replay.
 * Both are unsafe and are measured only as a yardstick: the vendor-style script maps entries onto a fixed class and
 * writes the whole list back (unknown fields and {@code cap: 0} are lost, and anything written between its GET and its
 * PUT is erased); the Terraform-style resource PUTs the whole list as its state holds it (erasing every entry it
 * does not manage).
 */
final class Peers {

    static final String SETTINGS_PATH = "/api/v1/settings/registry";
    static final String UNSAFE_SCRIPT = "UNSAFE: drops unknown fields and entries written meanwhile";
    static final String UNSAFE_TERRAFORM = "UNSAFE: erases every entry its state does not hold";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** An entry as such a script knows it: the documented fields, nothing else. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Spec(String version, String registry, String repository, String tag, String os, Integer cap,
            Integer scanners, List<String> collections, String credentialID) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Settings(List<Spec> specifications) {
    }

    private final RawReplay raw;
    private final Spec ours;
    /** The Terraform resource's state: the whole list as it last applied it, ours included. */
    private Settings state;

    Peers(RawReplay raw, ObjectNode ourEntry) {
        this.raw = raw;
        this.ours = MAPPER.convertValue(ourEntry, Spec.class);
    }

    /** Untimed: the Terraform state, the whole list its configuration declares (the resource owns the list). */
    void terraformState(List<ObjectNode> declared) {
        List<Spec> entries = new ArrayList<>(declared.size());
        declared.forEach(e -> entries.add(MAPPER.convertValue(e, Spec.class)));
        state = new Settings(entries);
    }

    /** GET, map the whole list onto objects, append ours unless present, serialise, PUT. True when it wrote. */
    boolean script() throws IOException, InterruptedException {
        Settings current = MAPPER.readValue(raw.get(SETTINGS_PATH), Settings.class);
        boolean present = current.specifications().stream()
                .anyMatch(s -> ours.registry().equals(s.registry()) && ours.repository().equals(s.repository()));
        if (present) {
            return false;
        }
        List<Spec> entries = new ArrayList<>(current.specifications());
        entries.add(ours);
        raw.put(SETTINGS_PATH, MAPPER.writeValueAsBytes(new Settings(entries)));
        return true;
    }

    /** Refresh (GET and map), compare with the state, and when they differ PUT the list from the state. */
    boolean terraform() throws IOException, InterruptedException {
        Settings refreshed = MAPPER.readValue(raw.get(SETTINGS_PATH), Settings.class);
        if (refreshed.specifications().equals(state.specifications())) {
            return false;
        }
        raw.put(SETTINGS_PATH, MAPPER.writeValueAsBytes(state));
        return true;
    }
}
