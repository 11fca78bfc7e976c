package dev.locreview.bench;

import java.util.List;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import dev.locreview.engine.CategoryRef;
import dev.locreview.engine.Decision;
import dev.locreview.engine.Engine;
import dev.locreview.engine.ReviewRequest;

/** Time per decision as the rule set grows to 10× and 100× the real policy. Run by bench/run. */
public class GrowthBenchmark extends EngineBenchmark {

    @Param({"1", "10", "100"})
    int scale;

    ReviewRequest declared;
    ReviewRequest withReason;

    @Setup
    public void setUp() throws Exception {
        // (the generated sets measure how the engine grows, not what an upload may hold: no cap on their rules)
        rules = dev.locreview.rules.RuleSetPipeline.compile(RulesGenerator.generate(rulesFolder(), scale), Integer.MAX_VALUE);
        handWritten = new HandWrittenPolicy(rules.data(), rules.reader());
        List<CategoryRef> categories = List.of(CategoryRef.parse("交通服务-代驾"));
        declared = new ReviewRequest("wx.getLocation", categories, List.of("DESIGNATED_DRIVING"), null, null, null, null, null, null);
        withReason = new ReviewRequest("wx.getLocation", categories, null, DecisionBenchmark.reasonOf(300), null, null, null, null, null);
    }

    @Benchmark
    public Decision declaredScenarios() {
        return Engine.decide(rules, declared);
    }

    @Benchmark
    public Decision reasonOf300() {
        return Engine.decide(rules, withReason);
    }
}
