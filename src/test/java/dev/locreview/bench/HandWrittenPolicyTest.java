package dev.locreview.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.locreview.casebook.CaseFile;
import dev.locreview.casebook.CaseRunner;
import dev.locreview.casebook.Casebook;
import dev.locreview.engine.Decision;
import dev.locreview.engine.ReviewRequest;
import dev.locreview.engine.RuleSet;
import dev.locreview.rules.RuleSetPipeline;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmarks' hand-written limit decides the whole casebook exactly as the engine does. */
class HandWrittenPolicyTest {

    @Test
    void theHandWrittenLimitEqualsTheEngineOnTheWholeCasebook() throws Exception {
        RuleSet rules = RuleSetPipeline.compile(Path.of("rules"));
        HandWrittenPolicy limit = new HandWrittenPolicy(rules.data(), rules.reader());
        List<CaseFile> cases = Casebook.load(Path.of("casebook"));
        List<String> differences = new ArrayList<>();
        for (CaseFile c : cases) {
            Decision engine = CaseRunner.decide(rules, c.request()).decision();
            HandWrittenPolicy.Outcome hand = limit.decide(CaseRunner.JSON.treeToValue(c.request(), ReviewRequest.class));
            HandWrittenPolicy.Outcome expected = new HandWrittenPolicy.Outcome(engine.decision().name(),
                    engine.clause(), engine.recommendedApis());
            if (!expected.equals(hand)) {
                differences.add(c.name() + ": engine " + expected + " hand-written " + hand);
            }
        }
        assertThat(cases).hasSizeGreaterThan(300);
        assertThat(differences).isEmpty();
    }
}
