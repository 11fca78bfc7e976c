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
import dev.locreview.reading.ReasonReader;
import dev.locreview.review.CategoryRef;
import dev.locreview.review.Decision;
import dev.locreview.review.ReviewRequest;
import dev.locreview.review.Reviewer;

/** Decisions from a 申请原因 of growing length, beside the hand-written limit; and the reading alone. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReasonBenchmark {

    @Param({"50", "300", "2000"})
    int reasonLength;

    RuleSet rules;
    HandWrittenPolicy handWritten;
    ReviewRequest withReason;
    String reason;

    @Setup
    public void setUp() {
        rules = RuleSet.load(Path.of(System.getProperty("locreview.rules-dir", "rules")));
        handWritten = new HandWrittenPolicy(rules.data(), rules.reader());
        reason = DecisionBenchmark.reasonOf(reasonLength);
        withReason = new ReviewRequest("wx.getLocation", List.of(CategoryRef.parse("交通服务-代驾")), null, reason,
                null, null);
    }

    @Benchmark
    public Decision fromReasonText() {
        return Reviewer.review(rules, withReason);
    }

    @Benchmark
    public HandWrittenPolicy.Outcome handWrittenFromReasonText() {
        return handWritten.decide(withReason);
    }

    @Benchmark
    public ReasonReader.Reading readingOnly() {
        return rules.reader().read(reason, List.of("交通服务", "交通服务-代驾"));
    }
}
