package io.github.prismaregistry.engine;

import io.github.prismaregistry.api.InvalidRequestException;
import io.github.prismaregistry.settings.RegistrySettings;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Saves the settings exactly as read, before every write, readable by the owner only where the file system allows. */
final class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    Backups(Path directory) {
        this.directory = directory == null ? Path.of(System.getProperty("java.io.tmpdir")) : directory;
    }

    Path directory() {
        return directory;
    }

    Path write(RegistrySettings settings) throws InvalidRequestException {
        return write(settings::writeRawBody);
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private Path write(Body rawGetBody) throws InvalidRequestException {
        Path file = newFile();
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            rawGetBody.writeTo(out);
            // On disk before the write it guards is sent: a crash right after the write must not lose the backup.
            out.getFD().sync();
            return file;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw cannotSave(e);
        }
    }

    /** Creates a new, empty backup file readable by the owner only. */
    Path newFile() throws InvalidRequestException {
        try {
            Files.createDirectories(directory);
            for (int attempt = 0; ; attempt++) {
                byte[] random = new byte[4];
                RANDOM.nextBytes(random);
                Path file = directory.resolve("prisma-registry-backup-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC))
                        + "-" + HexFormat.of().formatHex(random) + ".json");
                try {
                    createOwnerOnly(file);
                    return file;
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= 5) {
                        throw e;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw cannotSave(e);
        }
    }

    InvalidRequestException cannotSave(Exception e) {
        return new InvalidRequestException("backupDirectory", "cannot save the backup of the registry settings in "
                + directory + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "). Nothing was written to the console. Choose a writable backup directory.");
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover partial file is harmless: it is never reported as a backup
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
            var f = file.toFile();
            // Windows and others: the closest we get to owner-only.
            f.setReadable(false, false);
            f.setReadable(true, true);
            f.setWritable(false, false);
            f.setWritable(true, true);
        }
    }
}
