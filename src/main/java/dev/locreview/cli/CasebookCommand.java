package dev.locreview.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.locreview.casebook.CaseFile;
import dev.locreview.casebook.CaseRunner;
import dev.locreview.casebook.Casebook;
import dev.locreview.engine.Decision;
import dev.locreview.engine.RuleSet;

/** Runs a casebook folder against a rules folder: a pass/fail table and rule coverage. */
@Command(name = "casebook", mixinStandardHelpOptions = true,
        description = "Run every case under a casebook folder against a rules folder; exit 1 when any case fails.")
final class CasebookCommand implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "casebook", description = "Casebook folder (default: casebook)")
    Path folder;

    @Mixin
    RulesOption rules;

    @Option(names = "--skip", split = ",", description = "Sub-folders to leave out, e.g. heldout")
    List<String> skip = new ArrayList<>();

    @Option(names = "--failures-only", description = "Print only the failing cases")
    boolean failuresOnly;

    @Option(names = "--summary", description = "Print only the totals (for a held-out set you must not tune to)")
    boolean summary;

    @Override
    public Integer call() {
        RuleSet ruleSet = rules.compile();
        List<CaseFile> cases = Casebook.load(folder, skip.toArray(String[]::new));
        Map<String, Integer> fired = new TreeMap<>();
        ruleSet.rules().forEach(r -> fired.put(r.name(), 0));
        int failed = 0;
        int decisionsRight = 0;
        int wronglyApproved = 0;
        if (!summary) {
            System.out.printf("%-6s %-44s %-8s %-6s %s%n", "RESULT", "CASE", "DECISION", "CLAUSE", "DETAIL");
        }
        for (CaseRunner.Result result : CaseRunner.run(ruleSet, cases)) {
            CaseFile c = result.caseFile();
            Decision decision = result.outcome().decision();
            if (decision != null) {
                decision.rulesFired().forEach(r -> fired.merge(r, 1, Integer::sum));
            }
            List<String> problems = result.problems();
            if (!problems.isEmpty()) {
                failed++;
            }
            String outcome = decision == null ? "-" : decision.decision().name();
            if (outcome.equals(c.expect().decision())) {
                decisionsRight++;
            } else if (outcome.equals("APPROVE")) {
                wronglyApproved++;
            }
            if (!summary && (!problems.isEmpty() || !failuresOnly)) {
                System.out.printf("%-6s %-44s %-8s %-6s %s%n", problems.isEmpty() ? "pass" : "FAIL", c.name(),
                        outcome, decision == null || decision.clause() == null ? "-" : decision.clause(),
                        problems.isEmpty() ? "" : String.join("; ", problems) + (decision == null ? ""
                                : "  found=" + decision.scenarios().stream().map(Decision.ScenarioView::code).toList()));
            }
        }
        if (!summary) {
            System.out.println();
            System.out.println("Rule coverage (fires across the casebook):");
            fired.forEach((rule, count) -> System.out.printf("  %5d  %s%s%n", count, rule,
                    count == 0 ? "   <- never fired" : ""));
        }
        System.out.printf("%nDecisions right: %d of %d (%.1f%%); rejections wrongly approved: %d%n", decisionsRight,
                cases.size(), cases.isEmpty() ? 100.0 : 100.0 * decisionsRight / cases.size(), wronglyApproved);
        System.out.printf("%d passed, %d failed%n", cases.size() - failed, failed);
        return failed == 0 ? 0 : 1;
    }
}
