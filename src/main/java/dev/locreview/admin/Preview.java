package dev.locreview.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.locreview.casebook.CaseRunner;
import dev.locreview.history.DecisionRecord;
import dev.locreview.history.DecisionStore;
import dev.locreview.engine.RuleSet;
import dev.locreview.engine.RuleSetValidator;
import dev.locreview.policy.RuleSetException;

/**
 * Impact preview: what a candidate rule set would change. The candidate (a zip of a rules folder) is
 * unpacked aside, validated, and the stored decisions of a period are replayed against it; the live set
 * is never touched.
 */
@Service
public class Preview {

    static final long MAX_UNPACKED = 20L * 1024 * 1024;
    static final int MAX_EXAMPLES = 20;

    private final DecisionStore store;
    private final ObjectMapper json;

    public Preview(DecisionStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** A decision as compared: outcome, deciding clause and the alternatives, in order. */
    public record Outcome(String decision, String clause, List<String> recommendedApis) {
        static Outcome of(JsonNode decision) {
            List<String> apis = new ArrayList<>();
            decision.path("recommendedApis").forEach(a -> apis.add(a.asText()));
            return new Outcome(decision.path("decision").asText(null), decision.path("clause").asText(null), apis);
        }
    }

    public record Change(String decisionId, Instant decidedAt, String api, Outcome from, Outcome to) {
    }

    public record Report(String candidateVersion, String liveVersion, List<String> problems, int replayed, int changed,
                         Map<String, Integer> byOutcome, Map<String, Integer> byClause, Map<String, Integer> byApi,
                         List<Change> examples) {
    }

    public Report preview(byte[] zip, String liveVersion, Instant from, Instant to, int limit) throws IOException {
        Path dir = Files.createTempDirectory("locreview-candidate");
        try {
            Path folder = unzip(zip, dir);
            RuleSet candidate;
            try {
                candidate = RuleSet.load(folder);
            } catch (RuleSetException e) {
                return refused(null, liveVersion, List.of(e.getMessage().split("\n")));
            }
            List<String> problems = RuleSetValidator.problems(candidate);
            if (!problems.isEmpty()) {
                return refused(candidate.version(), liveVersion, problems);
            }
            return replay(candidate, liveVersion, store.between(from, to, limit));
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Report replay(RuleSet candidate, String liveVersion, List<DecisionRecord> records) {
        Map<String, Integer> byOutcome = new TreeMap<>();
        Map<String, Integer> byClause = new TreeMap<>();
        Map<String, Integer> byApi = new TreeMap<>();
        List<Change> changes = new ArrayList<>();
        for (DecisionRecord record : records) {
            Outcome before = Outcome.of(record.result());
            Outcome after = Outcome.of(CaseRunner.decide(candidate, record.request()));
            if (!before.equals(after)) {
                byOutcome.merge(before.decision() + "→" + after.decision(), 1, Integer::sum);
                byClause.merge(before.clause() + "→" + after.clause(), 1, Integer::sum);
                byApi.merge(record.api(), 1, Integer::sum);
                changes.add(new Change(record.decisionId(), record.decidedAt(), record.api(), before, after));
            }
        }
        return new Report(candidate.version(), liveVersion, List.of(), records.size(), changes.size(), byOutcome,
                byClause, byApi, changes.stream().limit(MAX_EXAMPLES).toList());
    }

    private static Report refused(String candidate, String live, List<String> problems) {
        return new Report(candidate, live, problems, 0, 0, Map.of(), Map.of(), Map.of(), List.of());
    }

    /** Unpacks safely (no path escapes, bounded size); the rules folder is where data/ is. */
    static Path unzip(byte[] zip, Path into) throws IOException {
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new RuleSetException("zip entry escapes the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                total += copy(in, target, MAX_UNPACKED - total);
            }
        }
        try (Stream<Path> walk = Files.walk(into)) {
            return walk.filter(p -> p.getFileName().toString().equals("data") && Files.isDirectory(p))
                    .map(Path::getParent).min(Comparator.comparingInt(Path::getNameCount))
                    .orElseThrow(() -> new RuleSetException("the zip holds no rules folder (no data/ directory)"));
        }
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
