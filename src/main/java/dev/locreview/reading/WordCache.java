package dev.locreview.reading;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.corpus.io.ByteArray;

import dev.locreview.policy.RuleFiles;

/**
 * The reading's automata kept on disk from one load of a rule set to the next. Expanding the lists of rules/reading
 * to their ~100,000 words and building the automata over them is half of a rule load and a fifth of the CPU of a
 * start (bench/RESULTS.md); what comes of it depends only on the files of rules/reading, the category names and the
 * code that builds it. The file is named by a digest of all three, so a changed list, a changed category or another
 * build of locreview reads no stale file: it builds and keeps its own. A file that does not read back whole (its
 * content checksum, its sizes) is built again and replaced. Off unless a directory is set ({@code locreview.cache-dir}).
 */
public final class WordCache {

    private static final Logger log = LoggerFactory.getLogger(WordCache.class);
    private static final int MAGIC = 0x4C52_5743; // "LRWC"
    private static final int FORMAT = 1;
    /**
     * The CRC-32C of everything before it, at the end of the file: it catches a damaged or partly copied file (a
     * torn write cannot happen: a file is moved in whole). Not a seal: whoever may write here may write the rules.
     * SHA-256 over the 12 MB took two thirds of a cold read.
     */
    private static final int CHECKSUM = Long.BYTES;
    /** Files kept: the live set, an upload or two, and the set answering before (for a rollback). */
    private static final int KEEP = 4;
    /** What builds the words: a change to any of these classes makes every file stale. */
    private static final List<Class<?>> BUILDERS = List.of(Lexicon.class, Lexicon.Cue.class, Lexicon.Entry.class,
            Lexicon.Word.class, Concepts.class, Simplified.class, WordCache.class, AhoCorasickDoubleArrayTrie.class);
    private static volatile Path directory;

    /** Where the files are; null when nothing is kept. */
    private final Path file;

    private WordCache(Path file) {
        this.file = file;
    }

    /** The directory set, or null. */
    public static Path directory() {
        return directory;
    }

    /** Keeps the automata of every rule set loaded from now on in this directory (null or empty: none kept). */
    public static void useDirectory(String dir) {
        directory = dir == null || dir.isBlank() ? null : Path.of(dir).toAbsolutePath().normalize();
    }

    /** The file for the lists of this folder and these category names, in the directory set (if any). */
    static WordCache of(Path readingFolder, List<String> categoryNames) {
        Path dir = directory;
        if (dir == null) {
            return new WordCache(null);
        }
        try {
            return new WordCache(dir.resolve("words-" + key(readingFolder, categoryNames) + ".bin"));
        } catch (IOException | RuntimeException e) {
            // (the rule load goes on: it only builds the words, as with no directory)
            log.warn("The reading's words cannot be kept for {} ({}): building them", readingFolder, e.toString());
            return new WordCache(null);
        }
    }

    /** A digest of everything the words are built from; every part with its length, so no two inputs read alike. */
    private static String key(Path readingFolder, List<String> categoryNames) throws IOException {
        MessageDigest digest = sha256();
        update(digest, "format " + FORMAT + " java " + Runtime.version());
        for (Class<?> builder : BUILDERS) {
            update(digest, builder.getName());
            update(digest, classBytes(builder));
        }
        // HanLP's version, whose dictionaries fold traditional characters (its version, not its jar's path: the service
        // run by Maven and the packaged jar find the same jar in different places and share one file)
        update(digest, "hanlp " + hanlpVersion());
        List<Path> files = RuleFiles.of(readingFolder);
        update(digest, "files " + files.size());
        for (Path f : files) {
            update(digest, readingFolder.relativize(f).toString().replace('\\', '/'));
            update(digest, Files.readAllBytes(f));
        }
        update(digest, "categories " + categoryNames.size());
        categoryNames.forEach(name -> update(digest, name));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    }

    private static String hanlpVersion() throws IOException {
        try (InputStream in = AhoCorasickDoubleArrayTrie.class.getResourceAsStream("/META-INF/maven/com.hankcs/hanlp/pom.properties")) {
            if (in == null) {
                throw new IOException("HanLP's version is not on the classpath (META-INF/maven/com.hankcs/hanlp/pom.properties)");
            }
            java.util.Properties pom = new java.util.Properties();
            pom.load(in);
            return pom.getProperty("version", "?");
        }
    }

    /** The automata kept for these lists, else built now (and kept, when a directory is set). */
    Lexicon.Automata get(List<Lexicon.Entry> entries, Supplier<Lexicon.Automata> build) {
        long start = System.nanoTime();
        Optional<Lexicon.Automata> kept = read(entries);
        if (kept.isPresent()) {
            log.info("Read the reading's words from {} in {} ms", file, (System.nanoTime() - start) / 1_000_000);
            return kept.get();
        }
        Lexicon.Automata built = build.get();
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (write(built)) {
            log.info("Built the reading's words in {} ms; kept in {}", ms, file);
        }
        return built;
    }

    /** The automata this folder built before, if kept and whole. */
    private Optional<Lexicon.Automata> read(List<Lexicon.Entry> entries) {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            int body = bytes.length - CHECKSUM;
            if (body < 0) {
                throw new IOException("shorter than its checksum");
            }
            CRC32C checksum = new CRC32C();
            checksum.update(bytes, 0, body);
            if (checksum.getValue() != java.nio.ByteBuffer.wrap(bytes, body, CHECKSUM).getLong()) {
                throw new IOException("its content does not match its checksum");
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not a file of this format");
            }
            Lexicon.Automata automata = decode(in, entries);
            touch();
            return Optional.of(automata);
        } catch (IOException | RuntimeException e) {
            log.warn("The reading's words kept in {} do not read back ({}); building them again", file, e.toString());
            return Optional.empty();
        }
    }

    /** Marks the file used now, so pruning keeps it; in a directory this process may only read, it stays as it is. */
    private void touch() {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            log.debug("{} not marked used: {}", file, e.toString());
        }
    }

    /**
     * Keeps the automata for the next load of the same lists, streamed to a file of its own and moved in whole, its
     * checksum last; a failure to keep them only costs the next load its time.
     */
    private boolean write(Lexicon.Automata automata) {
        if (file == null) {
            return false;
        }
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), "words-", ".tmp");
            CRC32C checksum = new CRC32C();
            try (DataOutputStream buffered = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(buffered, checksum));
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                encode(automata, out);
                out.flush();
                buffered.writeLong(checksum.getValue());
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not keep the reading's words in {}: {}", file, e.toString());
            return false;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    log.debug("left {}", tmp, e);
                }
            }
        }
        prune();
        return true;
    }

    /**
     * The words as tables: the distinct cue lists, signal lists and words (each once, as the build shares them), then
     * per automaton its first word, each word's row in key order and the automaton's own arrays.
     */
    private static void encode(Lexicon.Automata automata, DataOutputStream out) throws IOException {
        Map<List<Lexicon.Cue>, Integer> cueLists = new IdentityHashMap<>();
        Map<List<String>, Integer> signalLists = new IdentityHashMap<>();
        Map<Lexicon.Word, Integer> words = new IdentityHashMap<>();
        List<int[]> rows = new ArrayList<>();
        for (AhoCorasickDoubleArrayTrie<Lexicon.Word> part : automata.parts()) {
            int[] row = new int[part.size()];
            for (int i = 0; i < row.length; i++) {
                Lexicon.Word word = part.get(i);
                cueLists.putIfAbsent(word.cues(), cueLists.size());
                signalLists.putIfAbsent(word.signals(), signalLists.size());
                row[i] = words.computeIfAbsent(word, w -> words.size());
            }
            rows.add(row);
        }
        writeTable(out, cueLists, list -> list.stream().map(Enum::name).toList());
        writeTable(out, signalLists, list -> list);
        out.writeInt(words.size());
        for (Lexicon.Word word : inOrder(words)) {
            writeEntries(out, word.phrases());
            writeEntries(out, word.together());
            out.writeBoolean(word.groupWord());
            out.writeInt(cueLists.get(word.cues()));
            out.writeInt(signalLists.get(word.signals()));
        }
        out.writeInt(rows.size());
        for (int p = 0; p < rows.size(); p++) {
            out.writeUTF(p == 0 ? "" : automata.starts().get(p - 1));
            int[] row = rows.get(p);
            out.writeInt(row.length);
            for (int index : row) {
                out.writeInt(index);
            }
            ByteArrayOutputStream dat = new ByteArrayOutputStream();
            try (DataOutputStream datOut = new DataOutputStream(dat)) {
                automata.parts().get(p).save(datOut);
            } catch (Exception e) {
                throw e instanceof IOException io ? io : new IOException(e);
            }
            out.writeInt(dat.size());
            dat.writeTo(out);
        }
    }

    private static Lexicon.Automata decode(DataInputStream in, List<Lexicon.Entry> entries) throws IOException {
        List<List<Lexicon.Cue>> cueLists = readTable(in, Lexicon.Cue::valueOf);
        List<List<String>> signalLists = readTable(in, name -> name);
        Lexicon.Word[] words = new Lexicon.Word[in.readInt()];
        for (int i = 0; i < words.length; i++) {
            words[i] = new Lexicon.Word(readEntries(in, entries), readEntries(in, entries), in.readBoolean(),
                    cueLists.get(in.readInt()), signalLists.get(in.readInt()));
        }
        int count = in.readInt();
        List<AhoCorasickDoubleArrayTrie<Lexicon.Word>> parts = new ArrayList<>(count);
        List<String> starts = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            String first = in.readUTF();
            if (p > 0) {
                starts.add(first);
            }
            Lexicon.Word[] values = new Lexicon.Word[in.readInt()];
            for (int i = 0; i < values.length; i++) {
                values[i] = words[in.readInt()];
            }
            AhoCorasickDoubleArrayTrie<Lexicon.Word> automaton = new AhoCorasickDoubleArrayTrie<>();
            if (!automaton.load(new ByteArray(in.readNBytes(in.readInt())), values) || automaton.size() != values.length) {
                throw new IOException("automaton " + p + " does not read back");
            }
            parts.add(automaton);
        }
        if (in.available() != 0) {
            throw new IOException(in.available() + " bytes more than its tables");
        }
        return new Lexicon.Automata(List.copyOf(parts), List.copyOf(starts));
    }

    private static <T> void writeTable(DataOutputStream out, Map<List<T>, Integer> table,
                                       Function<List<T>, List<String>> names) throws IOException {
        out.writeInt(table.size());
        for (List<T> list : inOrder(table)) {
            List<String> written = names.apply(list);
            out.writeInt(written.size());
            for (String name : written) {
                out.writeUTF(name);
            }
        }
    }

    private static <T> List<List<T>> readTable(DataInputStream in, Function<String, T> parse)
            throws IOException {
        List<List<T>> table = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            List<T> list = new ArrayList<>();
            for (int k = in.readInt(); k > 0; k--) {
                list.add(parse.apply(in.readUTF()));
            }
            table.add(List.copyOf(list));
        }
        return table;
    }

    private static void writeEntries(DataOutputStream out, List<Lexicon.Entry> entries) throws IOException {
        out.writeInt(entries.size());
        for (Lexicon.Entry entry : entries) {
            out.writeInt(entry.order());
        }
    }

    private static List<Lexicon.Entry> readEntries(DataInputStream in, List<Lexicon.Entry> entries) throws IOException {
        int n = in.readInt();
        Lexicon.Entry[] found = new Lexicon.Entry[n];
        for (int i = 0; i < n; i++) {
            found[i] = entries.get(in.readInt());
        }
        return List.of(found);
    }

    /** The keys of a table in the order of their rows. */
    private static <K> List<K> inOrder(Map<K, Integer> table) {
        List<K> keys = new ArrayList<>(table.keySet());
        keys.sort(Comparator.comparingInt(table::get));
        return keys;
    }

    /** Keeps the files used last, and removes temporary files a process left when it stopped mid-write. */
    private void prune() {
        long stale = System.currentTimeMillis() - java.time.Duration.ofHours(1).toMillis();
        try (Stream<Path> files = Files.list(file.getParent())) {
            List<Path> kept = new ArrayList<>();
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith("words-") && name.endsWith(".bin")) {
                    kept.add(f);
                } else if (name.startsWith("words-") && name.endsWith(".tmp") && modified(f).toMillis() < stale) {
                    Files.deleteIfExists(f);
                }
            }
            kept.sort(Comparator.comparing(WordCache::modified).reversed());
            for (Path old : kept.subList(Math.min(KEEP, kept.size()), kept.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            log.warn("Could not remove older words in {}: {}", file.getParent(), e.toString());
        }
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        String name = type.getName();
        try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            if (in == null) {
                throw new IOException("no class file for " + name);
            }
            return in.readAllBytes();
        }
    }

    private static void update(MessageDigest digest, String text) {
        update(digest, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void update(MessageDigest digest, byte[] bytes) {
        digest.update(java.nio.ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
