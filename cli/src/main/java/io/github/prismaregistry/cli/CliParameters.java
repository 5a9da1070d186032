package io.github.prismaregistry.cli;

import io.github.prismaregistry.cli.OptionDef.Shape;
import java.util.ArrayList;
import java.util.List;

/** The options of each subcommand, in the order {@code --help} lists them. */
final class CliParameters {

    static final String USERNAME = "username";
    static final String PASSWORD_FILE = "passwordFile";
    static final String TOKEN_FILE = "tokenFile";
    static final String OUTPUT = "output";
    static final String VERBOSE = "verbose";

    private CliParameters() {
    }

    /** Options of {@code register} ({@code updateExisting} included) or {@code unregister}. */
    static List<OptionDef> registry(boolean register) {
        List<OptionDef> options = new ArrayList<>();
        options.add(value("consoleUrl", null, "Address of the Prisma Cloud Compute Console, e.g. https://console.example.com:8083"
                + " (SaaS: with the tenant path)."));
        options.addAll(credentials());
        options.add(value("apiVersion", null, "Console API version, e.g. v34.03; unset or 'discover': asked from the Console."));
        options.add(value("project", null, "Prisma Cloud Compute project (Projects tenants only)."));
        options.add(value("caCertificate", null, "PEM file with the CA certificate(s) to trust for the Console."));
        options.add(flag("insecureSkipTlsVerify", "false", "Accept any TLS certificate from the Console (dangerous)."));
        options.add(value("connectTimeout", "10", "Seconds to wait for a connection to the Console."));
        options.add(value("readTimeout", "60", "Seconds to wait for a Console response."));
        options.add(value("retries", "3", "How often a failed read or full-list write is retried; 0 = never."));
        options.add(list("image", null, "Image whose repository is registered, e.g. registry.example.com/shop/app:1.4;"
                + " repeat (or separate with commas) for several images."));
        options.add(value("registry", null, "Registry host, overriding the one in the image."));
        options.add(value("repository", null, "Repository (may be a pattern like shop/*), overriding the one in the image."));
        options.add(value("tag", null, "Tag or tag pattern to pin; unset: one entry per repository."));
        options.add(value("registryType", null, "Prisma registry type (2, aws, azure, gcr, gitlab, harbor, jfrog, ...);"
                + " unset: inferred from the registry host."));
        options.add(value("registryCredentialId", null, "Id of the registry credential stored in the Console."));
        options.add(value("os", "linux", "Operating system of the images: linux, linuxARM64 or windows."));
        options.add(value("cap", "5", "How many of the newest images of the repository Prisma scans; 0 = all."));
        options.add(value("scanners", "2", "Number of Defenders that scan in parallel."));
        options.add(list("collections", "All", "Collections that select the scanning Defenders (comma separated)."));
        options.add(flag("scanLater", "false", "Save the entry without starting a scan now."));
        if (register) {
            options.add(flag("updateExisting", "false", "Change an existing entry for exactly this repository and tag"
                    + " to the given os, cap, scanners, collections and credential."));
        }
        options.add(flag("dryRun", "false", "Show what would be done, write nothing."));
        options.add(value("outputDirectory", "prisma-registry", "Where result.json and the backup of the settings read"
                + " before a write are stored."));
        options.addAll(presentation());
        return options;
    }

    static List<OptionDef> credentials() {
        return List.of(
                value(USERNAME, null, "User name or SaaS access key ID; the password comes from PRISMA_PASSWORD or"
                        + " --password-file."),
                value(PASSWORD_FILE, null, "File holding the password (or SaaS secret key); or set PRISMA_PASSWORD."),
                value(TOKEN_FILE, null, "File holding an API token instead of a login; or set PRISMA_TOKEN."));
    }

    static List<OptionDef> presentation() {
        return List.of(
                value(OUTPUT, "human", "What to print: human (a summary) or json (the result object)."),
                flag(VERBOSE, "false", "Print the engine's debug messages on standard error."));
    }

    private static OptionDef value(String name, String defaultValue, String meaning) {
        return new OptionDef(name, Shape.VALUE, defaultValue, meaning, OptionDef.environmentVariableFor(name));
    }

    private static OptionDef flag(String name, String defaultValue, String meaning) {
        return new OptionDef(name, Shape.FLAG, defaultValue, meaning, OptionDef.environmentVariableFor(name));
    }

    private static OptionDef list(String name, String defaultValue, String meaning) {
        return new OptionDef(name, Shape.LIST, defaultValue, meaning, OptionDef.environmentVariableFor(name));
    }
}
