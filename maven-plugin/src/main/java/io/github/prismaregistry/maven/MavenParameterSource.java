package io.github.prismaregistry.maven;

import io.github.prismaregistry.parameters.Parameter;
import io.github.prismaregistry.parameters.ParameterKind;
import io.github.prismaregistry.parameters.ParameterSource;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.plugin.logging.Log;

/**
 * The raw values of one goal execution. A {@code -DprismaRegistry.<name>} user property wins over the POM
 * {@code <configuration>}, as in Jib: Maven itself would let the POM win and silently ignore the command line.
 */
final class MavenParameterSource implements ParameterSource {

    private final Map<String, String> configured;
    private final Properties userProperties;
    private final Path basedir;
    private final Log log;
    private final Set<Parameter<?>> reported = new HashSet<>();

    /**
     * @param configured the goal's fields by parameter name: POM values, or Maven's defaults and property values
     * @param userProperties the session's user properties ({@code -D})
     * @param basedir the project folder, against which a relative path from the command line is resolved; may be null
     */
    MavenParameterSource(Map<String, String> configured, Properties userProperties, Path basedir, Log log) {
        this.configured = configured;
        this.userProperties = userProperties;
        this.basedir = basedir;
        this.log = log;
    }

    @Override
    public String raw(Parameter<?> parameter) {
        String pom = blankToNull(configured.get(parameter.name()));
        String commandLine = blankToNull(userProperties.getProperty(parameter.propertyName()));
        if (commandLine == null) {
            return pom;
        }
        commandLine = resolvePath(parameter, commandLine);
        // When the POM leaves a parameter out, Maven injects the property itself: both are then the same value.
        if (pom != null && !pom.equals(commandLine) && reported.add(parameter)) {
            log.info("-D" + parameter.propertyName() + " on the command line wins over <" + parameter.name()
                    + "> in the POM: using " + display(parameter, commandLine) + ", not " + display(parameter, pom));
        }
        return commandLine;
    }

    /** Maven resolves a configured file against the project folder; a path from the command line gets the same. */
    private String resolvePath(Parameter<?> parameter, String value) {
        boolean path = parameter.kind() == ParameterKind.PATH
                || (parameter.kind() == ParameterKind.PEM && !value.contains("-----BEGIN"));
        if (!path || basedir == null) {
            return value;
        }
        try {
            return basedir.resolve(value).normalize().toString();
        } catch (RuntimeException e) {
            return value; // not a path at all: the catalogue reports it
        }
    }

    /** The value for the log: never a secret, never a password inside a URL. */
    private static String display(Parameter<?> parameter, String value) {
        if (parameter.kind() == ParameterKind.SECRET) {
            return "****";
        }
        return value.replaceAll("//[^/@]*@", "//****@");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
