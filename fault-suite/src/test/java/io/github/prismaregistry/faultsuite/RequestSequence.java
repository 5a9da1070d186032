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
            try (Harness h = Harness.start(50, 0); RegistryRegistrar r = h.registrar()) {
                h.sim.clearRequests();
                r.registerAll(repositories.stream().map(Harness::request).toList());
                batch = positions(h.ourRequests());
            } catch (Exception e) {
                throw new IllegalStateException("a clean batched register failed, so no fault positions can be derived: " + e, e);
            }
        }
        return batch;
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
