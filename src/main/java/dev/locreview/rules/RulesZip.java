package dev.locreview.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import dev.locreview.policy.RuleFiles;
import dev.locreview.policy.RuleSetException;

/**
 * Unpacks an uploaded rule set (a zip of a rules folder) into a private folder, refusing anything a rules
 * folder does not hold: a corrupt or truncated zip, names that are absolute, climb out (..), hold NUL or
 * backslashes or are too long, repeated names, too many entries, or more bytes than a rule set needs.
 */
public final class RulesZip {

    /** What a zip upload may be; the body itself is limited by the preview endpoint. */
    static final int MAX_ENTRIES = 1_000;
    static final int MAX_NAME_LENGTH = 200;
    static final long MAX_UNPACKED = 16L * 1024 * 1024;

    private RulesZip() {
    }

    /** Unpacks the zip into a temporary folder, gives `work` the rules folder inside, and removes it all after. */
    public static <T> T withUnpacked(byte[] zip, Function<Path, T> work) {
        Path dir;
        try {
            dir = Files.createTempDirectory("locreview-candidate");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return work.apply(unpack(zip, dir));
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A rules folder as the store keeps it: every file under rules/, in path order, so the zip unpacks to a
     * folder of the same content hash (the same version).
     */
    public static byte[] pack(Path folder) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path file : RuleFiles.of(folder)) {
                zip.putNextEntry(new ZipEntry("rules/" + folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the end-of-central-directory record (PK 5 6) stands where a whole zip has it, in its last 65,557 bytes. */
    private static boolean endsWithDirectory(byte[] zip) {
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
                return true;
            }
        }
        return false;
    }

    /** The rules folder inside: where data/ is. */
    public static Path unpack(byte[] zip, Path into) {
        if (zip.length == 0) {
            throw new RuleSetException("the body is empty: send a zip of a rules folder");
        }
        long total = 0;
        int entries = 0;
        Set<String> names = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw new RuleSetException("the zip has more than " + MAX_ENTRIES + " entries");
                }
                String name = entry.getName();
                Path target = target(name, into);
                if (!names.add(name)) {
                    throw new RuleSetException("zip entry " + printable(name) + " appears twice");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                total += copy(in, target, MAX_UNPACKED - total);
            }
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid UTF-8 ("MALFORMED").
            throw new RuleSetException("the zip is corrupt or truncated: " + e.getMessage(), e);
        }
        if (entries == 0) {
            throw new RuleSetException("the body is not a zip, or the zip is empty");
        }
        if (!endsWithDirectory(zip)) {
            // a zip cut at an entry's boundary reads as a shorter, valid stream: its end record is what is missing
            throw new RuleSetException("the zip is corrupt or truncated: no end of central directory record");
        }
        try (Stream<Path> walk = Files.walk(into)) {
            return walk.filter(p -> p.getFileName().toString().equals("data") && Files.isDirectory(p))
                    .map(Path::getParent).min(Comparator.comparingInt(Path::getNameCount))
                    .orElseThrow(() -> new RuleSetException("the zip holds no rules folder (no data/ directory)"));
        } catch (IOException e) {
            throw new RuleSetException("the zip cannot be unpacked: " + e.getMessage(), e);
        }
    }

    /** Where an entry goes; refuses names that could land anywhere but inside the folder. */
    private static Path target(String name, Path into) {
        String problem = null;
        if (name.isEmpty()) {
            problem = "an empty name";
        } else if (name.length() > MAX_NAME_LENGTH) {
            problem = "a name longer than " + MAX_NAME_LENGTH + " characters";
        } else if (name.indexOf('\0') >= 0 || name.chars().anyMatch(Character::isISOControl)) {
            problem = "a NUL or control character in its name";
        } else if (name.indexOf('\\') >= 0) {
            problem = "a backslash in its name";
        } else if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            problem = "an absolute name";
        } else if (Stream.of(name.split("/")).anyMatch(".."::equals)) {
            problem = "a name that climbs out of the folder (..)";
        }
        if (problem != null) {
            throw new RuleSetException("zip entry " + printable(name) + " is refused: " + problem);
        }
        Path target = into.resolve(name).normalize();
        if (!target.startsWith(into)) {
            throw new RuleSetException("zip entry " + printable(name) + " escapes the folder");
        }
        return target;
    }

    /** A name as it can be shown: control characters escaped, cut short. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder("\"");
        name.codePoints().limit(80).forEach(c -> out.append(Character.isISOControl(c)
                ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.append(name.length() > 80 ? "…\"" : "\"").toString();
    }

    private static long copy(InputStream in, Path target, long budget) throws IOException {
        byte[] buffer = new byte[8192];
        long written = 0;
        try (var out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                written += n;
                if (written > budget) {
                    throw new RuleSetException("the zip unpacks to more than " + MAX_UNPACKED + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }
}
