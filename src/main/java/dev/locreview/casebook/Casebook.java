package dev.locreview.casebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The casebook: every *.json case under a folder, in path order. */
public final class Casebook {

    private static final ObjectMapper JSON = new ObjectMapper()
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
            for (Path file : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Path relative = folder.relativize(file);
                if (relative.getNameCount() > 1 && (List.of(skip).contains(relative.getName(0).toString())
                        || relative.getName(0).toString().equals(REAL))) {
                    continue;
                }
                cases.add(read(file));
            }
            return cases;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read casebook " + folder + ": " + e.getMessage(), e);
        }
    }

    static CaseFile read(Path file) throws IOException {
        JsonNode node = JSON.readTree(file.toFile());
        if (!node.path("request").isObject() || !node.path("expect").isObject()) {
            throw new IOException(file + ": a case needs a \"request\" object and an \"expect\" object");
        }
        CaseFile.Expectation expect = JSON.treeToValue(node.get("expect"), CaseFile.Expectation.class);
        if (expect.decision() == null) {
            throw new IOException(file + ": expect.decision is required");
        }
        String name = node.path("name").asText(file.getFileName().toString().replaceFirst("\\.json$", ""));
        return new CaseFile(file, name, node.path("note").asText(""), node.get("request"), expect);
    }
}
