package dev.locreview.casebook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.locreview.engine.RuleSet;
import dev.locreview.engine.RuleSetValidator;
import dev.locreview.rules.RuleSetPipeline;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole casebook against the engine, in process, as a reload's gate runs it (the held-out set is measured
 * apart); CasebookHttpSmokeTest shows the same answers come over HTTP.
 */
class CasebookTest {

    static final Path CASEBOOK = Path.of("casebook");
    static final RuleSet RULES = RuleSetPipeline.compile(Path.of("rules"));

    static List<CaseFile> cases() {
        return Casebook.load(CASEBOOK, "heldout");
    }

    @Test
    void theShippedRulesAreValid() {
        assertThat(RuleSetValidator.problems(RULES)).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGetsItsExpectedDecision() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), c.file().toUri(), () -> {
            CaseRunner.Outcome outcome = CaseRunner.decide(RULES, c.request());
            assertThat(c.mismatches(outcome)).as("%s (%s): %s", c.name(), c.note(), outcome).isEmpty();
        }));
    }

    @Test
    void theCasebookCoversEveryPolicyReferenceCase() {
        List<CaseFile> policy = Casebook.load(CASEBOOK.resolve("policy"));
        assertThat(policy).hasSize(15);
        assertThat(policy.stream().map(c -> c.expect().clause()))
                .contains("GL1", "GL2", "GL3", "GL4", "GL5", "GL6", "GL7", "OLC1", "OLC2", "OLC3",
                        "R1", "R2", "R3", "R4", "R5");
    }

    @Test
    void everyRuleIsFiredBySomeCase() {
        Set<String> fired = new TreeSet<>();
        for (CaseFile c : cases()) {
            fired.addAll(CaseRunner.decide(RULES, c.request()).decision().rulesFired());
        }
        List<String> neverFired = new ArrayList<>();
        RULES.rules().stream().filter(r -> !fired.contains(r.name()))
                .forEach(r -> neverFired.add(r.name() + " (" + r.file() + ")"));
        assertThat(neverFired).as("rules fired by no casebook case").isEmpty();
    }
}
