package io.github.prismaregistry.faultsuite;

import io.github.prismaregistry.api.RegistryRegistrar;
import io.github.prismaregistry.simulator.RecordedRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests one register or unregister sends, learned from a clean run rather than assumed, so the suite
 * follows the engine if its sequence changes (an extra discovery call, a second verify).
 */
final class RequestSequence {

    /** The nth request with this method and endpoint within one operation (1-based). */
    record Position(String method, String endpoint, int nth) {
        String label() {
            String what = switch (endpoint) {
                case "settings/registry" -> "GET".equals(method) ? (nth == 1 ? "first GET" : "verifying GET #" + (nth - 1))
                        : method + " (write" + (nth > 1 ? " #" + nth : "") + ")";
                case "authenticate" -> "login";
                case "version" -> "version discovery";
                default -> endpoint;
            };
            return what + " [" + method + " " + endpoint + " #" + nth + "]";
        }

        boolean isSettings() {
            return "settings/registry".equals(endpoint);
        }
    }

    private static List<Position> register;
    private static List<Position> unregister;
    private static List<Position> batch;

    private RequestSequence() {
    }

    /** Cold sequence of a register on a new registrar (login and discovery included). */
    static synchronized List<Position> register() {
        learn();
        return register;
    }

    static synchronized List<Position> unregister() {
        learn();
        return unregister;
    }

    /** Cold sequence of one call that registers {@code repositories} together. */
    static synchronized List<Position> batch(List<String> repositories) {
        if (batch == null) {
            batch = learnBatch(repositories, false);
        }
        return batch;
    }

    private static List<Position> batchUnregister;

    /** Cold sequence of one call that unregisters {@code repositories} together (each registered before). */
    static synchronized List<Position> batchUnregister(List<String> repositories) {
        if (batchUnregister == null) {
            batchUnregister = learnBatch(repositories, true);
        }
        return batchUnregister;
    }

    private static List<Position> learnBatch(List<String> repositories, boolean unregister) {
        List<io.github.prismaregistry.api.RegistrationRequest> requests = repositories.stream().map(Harness::request).toList();
        try (Harness h = Harness.start(50, 0)) {
            if (unregister) {
                try (RegistryRegistrar setup = h.registrar()) {
                    setup.registerAll(requests);
                }
            }
            try (RegistryRegistrar r = h.registrar()) {
                h.sim.clearRequests();
                if (unregister) {
                    r.unregisterAll(requests);
                } else {
                    r.registerAll(requests);
                }
                return positions(h.ourRequests());
            }
        } catch (Exception e) {
            throw new IllegalStateException("a clean batched " + (unregister ? "unregister" : "register")
                    + " failed, so no fault positions can be derived: " + e, e);
        }
    }

    private static void learn() {
        if (register != null) {
            return;
        }
        try (Harness h = Harness.start(50, 0)) {
            String repo = "probe/app";
            try (RegistryRegistrar r = h.registrar()) {
                h.sim.clearRequests();
                r.register(Harness.request(repo));
                register = positions(h.ourRequests());
            }
            try (RegistryRegistrar r = h.registrar()) {
                h.sim.clearRequests();
                r.unregister(Harness.request(repo));
                unregister = positions(h.ourRequests());
            }
        } catch (Exception e) {
            throw new IllegalStateException("a clean register/unregister failed, so no fault positions can be"
                    + " derived: " + e, e);
        }
    }

    private static List<Position> positions(List<RecordedRequest> log) {
        Map<String, Integer> seen = new HashMap<>();
        List<Position> positions = new ArrayList<>();
        for (RecordedRequest r : log) {
            String key = r.method() + " " + r.endpoint();
            int nth = seen.merge(key, 1, Integer::sum);
            positions.add(new Position(r.method(), r.endpoint(), nth));
        }
        return positions;
    }
}
