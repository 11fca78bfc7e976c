package dev.locreview.casebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The casebook: YAML sets under a folder, in path order, each a {@code topic} and its {@code cases}
 * (name, note, optional source, input, want) — the shape of OPA's YAML test cases.
 */
public final class Casebook {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private Casebook() {
    }

    /**
     * Real review records (casebook/real): their outcomes are measured against the verdict, not expected of
     * the rules, so they are never part of a casebook run.
     */
    public static final String REAL = "real";

    /** Loads the cases under a folder, leaving out the sub-folders named in `skip` (e.g. "heldout") and real/. */
    public static List<CaseFile> load(Path folder, String... skip) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<CaseFile> cases = new ArrayList<>();
            Map<String, Path> names = new HashMap<>();
            for (Path file : walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Path relative = folder.relativize(file);
                if (relative.getNameCount() > 1 && (List.of(skip).contains(relative.getName(0).toString())
                        || relative.getName(0).toString().equals(REAL))) {
                    continue;
                }
                for (CaseFile c : read(file)) {
                    Path other = names.putIfAbsent(c.name(), file);
                    if (other != null) {
                        throw new IOException(file + ": case name " + c.name() + " is already used in " + other);
                    }
                    cases.add(c);
                }
            }
            return cases;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read casebook " + folder + ": " + e.getMessage(), e);
        }
    }

    static List<CaseFile> read(Path file) throws IOException {
        JsonNode set = YAML.readTree(file.toFile());
        if (set == null || !set.path("cases").isArray()) {
            throw new IOException(file + ": a case set needs a \"cases\" list");
        }
        List<CaseFile> cases = new ArrayList<>();
        for (JsonNode node : set.get("cases")) {
            String name = node.path("name").asText("");
            if (name.isEmpty() || !node.path("input").isObject() || !node.path("want").isObject()) {
                throw new IOException(file + ": case " + (cases.size() + 1)
                        + " needs a \"name\", an \"input\" object and a \"want\" object");
            }
            CaseFile.Expectation want = YAML.treeToValue(node.get("want"), CaseFile.Expectation.class);
            if (want.decision() == null) {
                throw new IOException(file + ": " + name + ": want.decision is required");
            }
            cases.add(new CaseFile(file, name, node.path("note").asText(""), node.get("input"), want));
        }
        return cases;
    }
}
