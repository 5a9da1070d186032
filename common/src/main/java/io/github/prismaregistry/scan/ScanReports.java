package io.github.prismaregistry.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.prismaregistry.settings.Json;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link ScanResult} as {@code scan-result.json}, SARIF 2.1.0 ({@code scan-result.sarif.json}, for GitHub
 * code scanning and warnings-ng), JUnit XML ({@code scan-result.junit.xml}, one failing case per counted
 * vulnerability) and {@code scan-summary.md}.
 */
public final class ScanReports {

    public static final String JSON = "scan-result.json";
    public static final String SARIF = "scan-result.sarif.json";
    public static final String JUNIT = "scan-result.junit.xml";
    public static final String SUMMARY = "scan-summary.md";

    private static final String TOOL = "prisma-registry";

    private ScanReports() {
    }

    /** The four files {@link #write} writes into {@code directory}, in that order. */
    public static List<Path> files(Path directory) {
        return List.of(directory.resolve(JSON), directory.resolve(SARIF), directory.resolve(JUNIT),
                directory.resolve(SUMMARY));
    }

    /** Writes the four reports (creating the directory); returns their paths. */
    public static List<Path> write(ScanResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = files(directory);
        writeAtomically(files.get(0), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(result.toMap()));
        writeAtomically(files.get(1), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(sarif(result)));
        writeAtomically(files.get(2), junit(result).getBytes(StandardCharsets.UTF_8));
        writeAtomically(files.get(3), markdown(result).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    // ---- SARIF ------------------------------------------------------------------------------------------------

    static ObjectNode sarif(ScanResult result) {
        ObjectNode log = Json.MAPPER.createObjectNode();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL);
        ArrayNode rules = driver.putArray("rules");
        ArrayNode results = run.putArray("results");
        Map<String, Integer> ruleIndexes = new LinkedHashMap<>();
        for (Vulnerability v : result.counted()) {
            addResult(result, rules, results, ruleIndexes, v, null);
        }
        for (LeftOutVulnerability left : result.leftOut()) {
            addResult(result, rules, results, ruleIndexes, left.vulnerability(), left);
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        ObjectNode properties = run.putObject("properties");
        properties.put("image", result.image());
        properties.put("verdict", result.verdict().name());
        if (result.scanTime() != null) {
            properties.put("scanTime", result.scanTime().toString());
        }
        return log;
    }

    private static void addResult(ScanResult scan, ArrayNode rules, ArrayNode results, Map<String, Integer> ruleIndexes,
                                  Vulnerability v, LeftOutVulnerability left) {
        String id = v.cve() == null || v.cve().isBlank() ? "unnamed-vulnerability" : v.cve();
        Integer index = ruleIndexes.get(id);
        if (index == null) {
            index = rules.size();
            ruleIndexes.put(id, index);
            ObjectNode rule = rules.addObject();
            rule.put("id", id);
            rule.putObject("shortDescription").put("text", id + " (" + v.severity().label() + ")");
            if (v.link() != null && !v.link().isBlank()) {
                rule.put("helpUri", v.link());
            }
            rule.putObject("help").put("text", id + " in " + v.packageName() + ". See " + v.link());
            ObjectNode ruleProperties = rule.putObject("properties");
            if (v.cvss() != null) {
                // GitHub code scanning ranks security results by this CVSS-like score.
                ruleProperties.put("security-severity", String.format(Locale.ROOT, "%.1f", v.cvss()));
            }
            ruleProperties.putArray("tags").add("security").add("vulnerability").add(v.severity().label());
        }
        ObjectNode r = results.addObject();
        r.put("ruleId", id);
        r.put("ruleIndex", index);
        r.put("level", left == null ? "error" : v.severity().compareTo(Severity.HIGH) <= 0 ? "warning" : "note");
        r.putObject("message").put("text", id + " (" + v.severity().label()
                + (v.cvss() == null ? "" : ", CVSS " + v.cvss()) + ") in " + v.packageName() + " " + v.packageVersion()
                + " of " + scan.image() + "; " + (v.fixed() ? v.fixStatus() : "no fix available")
                + (v.block() ? "; blocked by a Console rule" : "")
                + (left == null ? "; fails the gate" : "; not counted: " + left.explanation()));
        ObjectNode location = r.putArray("locations").addObject().putObject("physicalLocation");
        location.putObject("artifactLocation").put("uri", scan.image().replace("@", "%40"));
        location.putObject("region").put("startLine", 1);
        r.putObject("partialFingerprints").put("imageVulnerability/v1", scan.registry() + "/" + scan.repository()
                + "|" + id + "|" + v.packageName() + "|" + v.packageVersion());
        if (left != null && left.reason() != LeftOutVulnerability.Reason.BELOW_THRESHOLD) {
            ObjectNode suppression = r.putArray("suppressions").addObject();
            suppression.put("kind", "external");
            suppression.put("justification", left.explanation());
        }
        ObjectNode properties = r.putObject("properties");
        properties.put("severity", v.severity().label());
        properties.put("consoleSeverity", v.consoleSeverity());
        properties.put("packageName", v.packageName());
        properties.put("packageVersion", v.packageVersion());
        properties.put("fixStatus", v.fixStatus());
        properties.put("block", v.block());
        properties.put("counted", left == null);
    }

    // ---- JUnit XML --------------------------------------------------------------------------------------------

    static String junit(ScanResult result) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            int tests = result.counted().size() + result.leftOut().size() + (result.counted().isEmpty() ? 1 : 0);
            String suite = "prisma scan " + result.image();
            String className = "prisma-scan." + result.image().replaceAll("[^A-Za-z0-9_/:@-]", "_").replace('.', '_');
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", TOOL + " scan");
            xml.writeAttribute("tests", String.valueOf(tests));
            xml.writeAttribute("failures", String.valueOf(result.counted().size()));
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", clean(suite));
            xml.writeAttribute("tests", String.valueOf(tests));
            xml.writeAttribute("failures", String.valueOf(result.counted().size()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(result.leftOut().size()));
            if (result.scanTime() != null) {
                xml.writeAttribute("timestamp", result.scanTime().toString());
            }
            xml.writeAttribute("time", result.duration() == null ? "0"
                    : String.format(Locale.ROOT, "%.3f", result.duration().toMillis() / 1000.0));
            if (result.counted().isEmpty()) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", clean(className));
                xml.writeAttribute("name", "no vulnerability fails the gate (" + result.policy().failOnSeverity().label()
                        + " and above" + (result.policy().failOnConsoleBlock() ? ", Console blocks" : "") + ")");
                xml.writeEndElement();
            }
            for (Vulnerability v : result.counted()) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", clean(className));
                xml.writeAttribute("name", clean(caseName(v)));
                xml.writeStartElement("failure");
                xml.writeAttribute("type", v.severity().label());
                xml.writeAttribute("message", clean(v.cve() + " (" + v.severity().label() + ") in " + v.packageName() + " "
                        + v.packageVersion()));
                xml.writeCharacters(clean(details(v)));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            for (LeftOutVulnerability left : result.leftOut()) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", clean(className));
                xml.writeAttribute("name", clean(caseName(left.vulnerability())));
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", clean(left.explanation()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out + "\n";
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the JUnit report", e);
        }
    }

    private static String caseName(Vulnerability v) {
        return v.cve() + " " + v.packageName() + " " + v.packageVersion() + " (" + v.severity().label() + ")";
    }

    private static String details(Vulnerability v) {
        return "CVE: " + v.cve() + "\nSeverity: " + v.severity().label() + " (Console: " + v.consoleSeverity() + ")"
                + "\nCVSS: " + (v.cvss() == null ? "-" : v.cvss()) + "\nPackage: " + v.packageName() + " "
                + v.packageVersion() + "\nFix: " + (v.fixStatus().isEmpty() ? "none" : v.fixStatus())
                + "\nBlocked by a Console rule: " + v.block() + "\nLink: " + v.link() + "\n";
    }

    /** XML 1.0 cannot carry most control characters, even escaped. */
    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "?");
    }

    // ---- Markdown ---------------------------------------------------------------------------------------------

    static String markdown(ScanResult result) {
        StringBuilder md = new StringBuilder();
        md.append("## Prisma Cloud scan: ").append(result.verdict() == Verdict.PASSED ? "PASSED" : "FAILED").append("\n\n");
        md.append("Image `").append(cell(result.image())).append('`');
        if (result.scanTime() != null) {
            md.append(", scanned ").append(result.scanTime());
        }
        md.append(". Policy: ").append(cell(result.policy().toString())).append(".\n\n");
        md.append("| critical | high | medium | low |\n|---:|---:|---:|---:|\n");
        md.append("| ").append(result.counts().get(Severity.CRITICAL)).append(" | ").append(result.counts().get(Severity.HIGH))
                .append(" | ").append(result.counts().get(Severity.MEDIUM)).append(" | ").append(result.counts().get(Severity.LOW))
                .append(" |\n\n");
        if (result.counted().isEmpty()) {
            md.append("No vulnerability fails the gate.\n\n");
        } else {
            md.append("### Failing the gate (").append(result.counted().size()).append(")\n\n");
            table(md, result.counted(), null);
        }
        if (!result.leftOut().isEmpty()) {
            md.append("### Not counted (").append(result.leftOut().size()).append(")\n\n");
            List<Vulnerability> vulnerabilities = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (LeftOutVulnerability left : result.leftOut()) {
                vulnerabilities.add(left.vulnerability());
                reasons.add(left.explanation());
            }
            table(md, vulnerabilities, reasons);
        }
        if (result.consoleImageLink() != null) {
            md.append("[Open the image in the Console](").append(result.consoleImageLink()).append(")\n");
        }
        return md.toString();
    }

    private static void table(StringBuilder md, List<Vulnerability> vulnerabilities, List<String> reasons) {
        md.append("| CVE | severity | CVSS | package | version | fix | block |").append(reasons == null ? "" : " reason |")
                .append("\n|---|---|---:|---|---|---|---|").append(reasons == null ? "" : "---|").append('\n');
        for (int i = 0; i < vulnerabilities.size(); i++) {
            Vulnerability v = vulnerabilities.get(i);
            String cve = v.link() == null || v.link().isBlank() ? cell(v.cve()) : "[" + cell(v.cve()) + "](" + v.link() + ")";
            md.append("| ").append(cve).append(" | ").append(v.severity().label()).append(" | ")
                    .append(v.cvss() == null ? "" : v.cvss()).append(" | ").append(cell(v.packageName())).append(" | ")
                    .append(cell(v.packageVersion())).append(" | ").append(cell(v.fixStatus().isEmpty() ? "none" : v.fixStatus()))
                    .append(" | ").append(v.block() ? "yes" : "no").append(" |");
            if (reasons != null) {
                md.append(' ').append(cell(reasons.get(i))).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
