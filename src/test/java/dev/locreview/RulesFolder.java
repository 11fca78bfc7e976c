package dev.locreview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A private copy of rules/ that a test may break, fix and zip. */
public final class RulesFolder {

    /** The copies this JVM made: removed when it exits, so test runs do not leave rule folders behind in /tmp. */
    private static final java.util.List<Path> COPIES = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> COPIES.forEach(copy -> {
            try {
                org.springframework.util.FileSystemUtils.deleteRecursively(copy);
            } catch (IOException e) {
                // left behind: the OS clears /tmp
            }
        })));
    }

    private RulesFolder() {
    }

    public static Path copy() {
        return copy(Path.of("rules"));
    }

    public static Path copy(Path source) {
        try {
            Path target = Files.createTempDirectory("locreview-rules");
            COPIES.add(target);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path to = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] zip(Path folder) {
        try (var bytes = new java.io.ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new ZipEntry("rules/" + folder.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void replace(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
