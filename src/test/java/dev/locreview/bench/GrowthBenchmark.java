package dev.locreview.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.locreview.policy.RuleSet;
import dev.locreview.review.CategoryRef;
import dev.locreview.review.Decision;
import dev.locreview.review.ReviewRequest;
import dev.locreview.review.Reviewer;

/** Time per decision as the rule set grows to 10× and 100× the real policy. Run by bench/run. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GrowthBenchmark {

    @Param({"1", "10", "100"})
    int scale;

    RuleSet rules;
    ReviewRequest declared;
    ReviewRequest withReason;

    @Setup
    public void setUp() throws Exception {
        Path folder = RulesGenerator.generate(Path.of(System.getProperty("locreview.rules-dir", "rules")), scale);
        rules = RuleSet.load(folder);
        List<CategoryRef> categories = List.of(CategoryRef.parse("交通服务-代驾"));
        declared = new ReviewRequest("wx.getLocation", categories, List.of("DESIGNATED_DRIVING"), null, null, null);
        withReason = new ReviewRequest("wx.getLocation", categories, null, DecisionBenchmark.reasonOf(300), null, null);
    }

    @Benchmark
    public Decision declaredScenarios() {
        return Reviewer.review(rules, declared);
    }

    @Benchmark
    public Decision reasonOf300() {
        return Reviewer.review(rules, withReason);
    }
}
