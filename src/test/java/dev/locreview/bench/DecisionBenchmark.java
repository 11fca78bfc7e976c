package dev.locreview.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

import dev.locreview.casebook.CaseFile;
import dev.locreview.casebook.CaseRunner;
import dev.locreview.casebook.Casebook;
import dev.locreview.engine.CategoryRef;
import dev.locreview.engine.Decision;
import dev.locreview.engine.Engine;
import dev.locreview.engine.ReviewRequest;

/** Engine time per decision, in process, beside the hand-written limit; and a batch of 1,000. Run by bench/run. */
public class DecisionBenchmark extends EngineBenchmark {

    /** A realistic reason of about 50 characters; longer ones repeat realistic sentences. */
    static final String SENTENCE = "我们是本地代驾平台，用户酒后一键叫代驾，需要获取用户当前精确位置作为接驾点，派单给附近的司机。";
    static final String FILLER = "平台同时提供会员积分、优惠券和行程发票等服务，所有位置数据仅用于本次订单，不会另作他用。";

    ReviewRequest declared;
    List<ReviewRequest> batch;

    @Setup
    public void setUp() {
        load(rulesFolder());
        List<CategoryRef> categories = List.of(CategoryRef.parse("交通服务-代驾"));
        declared = new ReviewRequest("wx.getLocation", categories, List.of("DESIGNATED_DRIVING"), null, null, null, null, null, null);
        batch = batchOf(1000);
    }

    /** 1,000 applications: the casebook's requests, repeated in order. */
    static List<ReviewRequest> batchOf(int size) {
        List<ReviewRequest> cases = new ArrayList<>();
        for (CaseFile c : Casebook.load(Path.of("casebook"))) {
            try {
                cases.add(CaseRunner.JSON.treeToValue(c.request(), ReviewRequest.class));
            } catch (Exception e) {
                throw new IllegalStateException(c.name(), e);
            }
        }
        List<ReviewRequest> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(cases.get(i % cases.size()));
        }
        return batch;
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
        return Engine.decide(rules, declared);
    }

    /** The limit: the same decision, hand-written in Java. */
    @Benchmark
    public HandWrittenPolicy.Outcome handWrittenDeclared() {
        return handWritten.decide(declared);
    }

    /** A batch of 1,000 casebook applications. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int batchOf1000() {
        int approved = 0;
        for (ReviewRequest request : batch) {
            if (Engine.decide(rules, request).decision() == Decision.Outcome.APPROVE) {
                approved++;
            }
        }
        return approved;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int handWrittenBatchOf1000() {
        int approved = 0;
        for (ReviewRequest request : batch) {
            if (handWritten.decide(request).decision().equals("APPROVE")) {
                approved++;
            }
        }
        return approved;
    }
}
