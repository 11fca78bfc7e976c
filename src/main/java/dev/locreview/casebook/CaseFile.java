package dev.locreview.casebook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.locreview.engine.Decision;

/**
 * One reviewed case (an item of a YAML set: its input and what is wanted): the request as submitted, and the outcome a reviewer expects
 * (decision, deciding clause, recommended APIs in order; optionally scenarios that must be found,
 * or none at all when the list is empty, the outlook's verdict and the status of named gates).
 */
public record CaseFile(Path file, String name, String note, JsonNode request, Expectation expect) {

    public record Expectation(String decision, String clause, List<String> recommendedApis, List<String> scenarios,
                              String verdict, java.util.Map<String, String> gates) {
    }

    /** What differs between the expectation and an outcome: empty when the case passes. */
    public List<String> mismatches(CaseRunner.Outcome outcome) {
        List<String> problems = new ArrayList<>();
        if (!outcome.valid()) {
            problems.add("no decision: " + outcome.field() + ": " + outcome.detail());
            return problems;
        }
        Decision decision = outcome.decision();
        compare(problems, "decision", expect.decision(), decision.decision().name());
        if (expect.clause() != null) {
            compare(problems, "clause", expect.clause(), decision.clause());
        }
        if (expect.recommendedApis() != null) {
            compare(problems, "recommendedApis", expect.recommendedApis(), decision.recommendedApis());
        }
        if (expect.verdict() != null) {
            compare(problems, "verdict", expect.verdict(), decision.outlook().verdict().name());
        }
        if (expect.gates() != null) {
            // Only the gates named: {"CATEGORY": "FAIL"}.
            expect.gates().forEach((gate, status) -> compare(problems, "gate " + gate, status, decision.outlook()
                    .gates().stream().filter(g -> g.gate().name().equals(gate)).map(g -> g.status().name())
                    .findFirst().orElse(null)));
        }
        if (expect.scenarios() != null) {
            // Every expected scenario must be found; the reader may find more (they show as evidence).
            List<String> found = decision.scenarios().stream().map(Decision.ScenarioView::code).distinct().sorted()
                    .toList();
            List<String> missing = expect.scenarios().stream().filter(s -> !found.contains(s)).sorted().toList();
            if (!missing.isEmpty()) {
                problems.add("scenarios: expected " + missing + " among " + found);
            }
            if (expect.scenarios().isEmpty() && !found.isEmpty()) {
                problems.add("scenarios: expected none but found " + found);
            }
        }
        return problems;
    }

    private static void compare(List<String> problems, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            problems.add(what + ": expected " + expected + " but was " + actual);
        }
    }
}
