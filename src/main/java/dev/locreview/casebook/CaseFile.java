package dev.locreview.casebook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One reviewed case (an item of a YAML set: its input and what is wanted): the request as submitted, and the outcome a reviewer expects
 * (decision, deciding clause, recommended APIs in order; optionally scenarios that must be found,
 * or none at all when the list is empty, the outlook's verdict and the status of named gates).
 */
public record CaseFile(Path file, String name, String note, JsonNode request, Expectation expect) {

    public record Expectation(String decision, String clause, List<String> recommendedApis, List<String> scenarios,
                              String verdict, java.util.Map<String, String> gates) {
    }

    /** What differs between the expectation and a decision (as its JSON): empty when the case passes. */
    public List<String> mismatches(JsonNode decision) {
        List<String> problems = new ArrayList<>();
        if (!decision.has("decision")) {
            problems.add("no decision: " + decision);
            return problems;
        }
        compare(problems, "decision", expect.decision(), decision.path("decision").asText());
        if (expect.clause() != null) {
            compare(problems, "clause", expect.clause(), decision.path("clause").asText(null));
        }
        if (expect.recommendedApis() != null) {
            compare(problems, "recommendedApis", expect.recommendedApis(), texts(decision.path("recommendedApis")));
        }
        if (expect.verdict() != null) {
            compare(problems, "verdict", expect.verdict(), decision.path("outlook").path("verdict").asText(null));
        }
        if (expect.gates() != null) {
            // Only the gates named: {"CATEGORY": "FAIL"}.
            expect.gates().forEach((gate, status) -> {
                String actual = null;
                for (JsonNode g : decision.path("outlook").path("gates")) {
                    if (g.path("gate").asText().equals(gate)) {
                        actual = g.path("status").asText();
                    }
                }
                compare(problems, "gate " + gate, status, actual);
            });
        }
        if (expect.scenarios() != null) {
            // Every expected scenario must be found; the reader may find more (they show as evidence).
            List<String> found = new ArrayList<>();
            decision.path("scenarios").forEach(s -> found.add(s.path("code").asText()));
            List<String> missing = expect.scenarios().stream().filter(s -> !found.contains(s)).sorted().toList();
            if (!missing.isEmpty()) {
                problems.add("scenarios: expected " + missing + " among " + found.stream().distinct().sorted().toList());
            }
            if (expect.scenarios().isEmpty() && !found.isEmpty()) {
                problems.add("scenarios: expected none but found " + found.stream().distinct().sorted().toList());
            }
        }
        return problems;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static void compare(List<String> problems, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            problems.add(what + ": expected " + expected + " but was " + actual);
        }
    }
}
