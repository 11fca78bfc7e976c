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

/** Engine time per decision, in process: declared scenarios, and reasons of growing length. Run by bench/run. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {

    /** A realistic reason of about 50 characters; longer ones repeat realistic sentences. */
    static final String SENTENCE = "我们是本地代驾平台，用户酒后一键叫代驾，需要获取用户当前精确位置作为接驾点，派单给附近的司机。";
    static final String FILLER = "平台同时提供会员积分、优惠券和行程发票等服务，所有位置数据仅用于本次订单，不会另作他用。";

    @Param({"50", "300", "2000"})
    int reasonLength;

    RuleSet rules;
    ReviewRequest declared;
    ReviewRequest withReason;
    String reason;

    @Setup
    public void setUp() {
        rules = RuleSet.load(Path.of(System.getProperty("locreview.rules-dir", "rules")));
        List<CategoryRef> categories = List.of(CategoryRef.parse("交通服务-代驾"));
        declared = new ReviewRequest("wx.getLocation", categories, List.of("DESIGNATED_DRIVING"), null, null, null);
        reason = reasonOf(reasonLength);
        withReason = new ReviewRequest("wx.getLocation", categories, null, reason, null, null);
    }

    /** A realistic reason of the given length: a qualifying sentence, then realistic filler. */
    static String reasonOf(int length) {
        StringBuilder text = new StringBuilder(SENTENCE);
        while (text.length() < length) {
            text.append(FILLER);
        }
        return text.substring(0, length);
    }

    @Benchmark
    public Decision declaredScenarios() {
        return Reviewer.review(rules, declared);
    }

    @Benchmark
    public Decision fromReasonText() {
        return Reviewer.review(rules, withReason);
    }

    @Benchmark
    public ReasonReader.Reading readingOnly() {
        return rules.reader().read(reason, List.of("交通服务", "交通服务-代驾"));
    }
}
