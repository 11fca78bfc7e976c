package dev.locreview.bench;

import java.util.List;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import dev.locreview.engine.CategoryRef;
import dev.locreview.engine.Decision;
import dev.locreview.engine.Engine;
import dev.locreview.engine.ReviewRequest;
import dev.locreview.policy.AppCategory;
import dev.locreview.reading.ReasonReader;

/** Decisions from a 申请原因 of growing length, beside the hand-written limit; and the reading alone. */
public class ReasonBenchmark extends EngineBenchmark {

    @Param({"50", "300", "2000"})
    int reasonLength;

    ReviewRequest withReason;
    String reason;

    @Setup
    public void setUp() {
        load(rulesFolder());
        reason = DecisionBenchmark.reasonOf(reasonLength);
        withReason = new ReviewRequest("wx.getLocation", List.of(CategoryRef.parse("交通服务-代驾")), null, reason,
                null, null, null, null, null);
    }

    @Benchmark
    public Decision fromReasonText() {
        return Engine.decide(rules, withReason);
    }

    @Benchmark
    public HandWrittenPolicy.Outcome handWrittenFromReasonText() {
        return handWritten.decide(withReason);
    }

    @Benchmark
    public ReasonReader.Reading readingOnly() {
        return rules.reader().read(reason, List.of(new AppCategory("交通服务", "代驾", null, false)));
    }
}
