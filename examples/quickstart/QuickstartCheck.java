import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The quick start's independent witness: reads the console simulator's list through its admin endpoint (not through
 * prisma-registry) and compares it with an earlier snapshot. Uses the Jackson copy inside the simulator's jar.
 *
 * <pre>
 * QuickstartCheck snapshot URL FILE                  save the list, print its size
 * QuickstartCheck compare FILE URL EXPECTED_ADDED    every saved entry still there, unchanged; print what was added
 * QuickstartCheck writes URL                         how many writes the simulator accepted so far
 * QuickstartCheck field RESULT_JSON NAME             one field of a result.json
 * QuickstartCheck add-image URL IMAGE [CVE SEVERITY]  put an image into what the simulated registry holds
 * QuickstartCheck image-scans URL                    how many on-demand image scans the simulator was asked for
 * </pre>
 * Exit status 1 when a check fails.
 */
public class QuickstartCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "snapshot" -> {
                JsonNode list = admin(args[1], "specifications");
                JSON.writeValue(new File(args[2]), list);
                System.out.println(list.size());
            }
            case "compare" -> System.exit(compare(JSON.readTree(new File(args[1])), admin(args[2], "specifications"),
                    Integer.parseInt(args[3])) ? 0 : 1);
            case "writes" -> System.out.println(admin(args[1], "status").path("writeCount").asLong());
            case "field" -> System.out.println(JSON.readTree(new File(args[1])).path(args[2]).asText());
            case "add-image" -> addImage(args[1], args[2], args.length > 4 ? args[3] : null, args.length > 4 ? args[4] : null);
            case "image-scans" -> {
                int scans = 0;
                for (JsonNode start : admin(args[1], "scans")) {
                    scans += "IMAGE".equals(start.path("scope").asText()) ? 1 : 0;
                }
                System.out.println(scans);
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static boolean compare(JsonNode before, JsonNode after, int expectedAdded) {
        // Entries compared as exact JSON text, as a multiset: changed, dropped or deduplicated entries all show up.
        Map<String, Integer> remaining = new HashMap<>();
        after.forEach(entry -> remaining.merge(entry.toString(), 1, Integer::sum));
        int missing = 0;
        for (JsonNode entry : before) {
            Integer count = remaining.get(entry.toString());
            if (count == null || count == 0) {
                missing++;
                if (missing <= 3) {
                    System.out.println("    missing or changed: " + entry);
                }
            } else {
                remaining.put(entry.toString(), count - 1);
            }
        }
        List<String> added = new ArrayList<>();
        remaining.forEach((entry, count) -> {
            for (int i = 0; i < count; i++) {
                added.add(entry);
            }
        });
        System.out.println("    entries before: " + before.size() + ", after: " + after.size());
        for (String entry : added) {
            System.out.println("    added: " + entry);
        }
        boolean ok = missing == 0 && added.size() == expectedAdded;
        System.out.println(missing == 0
                ? "    all " + before.size() + " original entries are still present and unchanged"
                : "    " + missing + " original entries are missing or changed");
        if (added.size() != expectedAdded) {
            System.out.println("    expected " + expectedAdded + " added entries, found " + added.size());
        }
        return ok;
    }

    /** {@code registry/repository:tag}, with one vulnerability (fixed in a later version) when a CVE is given. */
    private static void addImage(String url, String image, String cve, String severity) throws Exception {
        int slash = image.indexOf('/');
        int colon = image.lastIndexOf(':');
        Map<String, Object> body = new HashMap<>();
        body.put("registry", image.substring(0, slash));
        body.put("repository", image.substring(slash + 1, colon));
        body.put("tag", image.substring(colon + 1));
        if (cve != null) {
            body.put("vulnerabilities", List.of(Map.of("cve", cve, "severity", severity, "cvss", 10.0,
                    "status", "fixed in 5.6.2", "packageName", "xz-utils", "packageVersion", "5.6.0")));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/_simulator/images"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("images answered HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    private static JsonNode admin(String url, String endpoint) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/_simulator/" + endpoint)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(endpoint + " answered HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
