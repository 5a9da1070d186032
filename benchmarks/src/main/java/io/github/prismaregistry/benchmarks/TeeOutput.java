package io.github.prismaregistry.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Prints to the console and keeps a copy, so the same figures can be saved to a file. */
final class TeeOutput {

    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private final PrintStream stream;

    TeeOutput(PrintStream console) {
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) {
                console.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                console.write(b, off, len);
                copy.write(b, off, len);
            }

            @Override
            public void flush() {
                console.flush();
            }
        };
        stream = new PrintStream(both, true, StandardCharsets.UTF_8);
    }

    PrintStream stream() {
        return stream;
    }

    String text() {
        stream.flush();
        return copy.toString(StandardCharsets.UTF_8);
    }
}
