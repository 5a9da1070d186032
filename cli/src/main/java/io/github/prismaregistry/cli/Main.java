package io.github.prismaregistry.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code java -jar prisma-registry-cli.jar <command> [options]}; the exit code is documented in {@link ExitCode}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = new PrismaRegistryCli(System.getenv(), Path.of("").toAbsolutePath(), out, err).run(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
