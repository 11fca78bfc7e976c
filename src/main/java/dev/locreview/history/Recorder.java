package dev.locreview.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;

import dev.locreview.engine.Decision;
import dev.locreview.engine.ReviewRequest;
import dev.locreview.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records what the engine decided, the way a decision log receives a finished decision: every decision is
 * committed to the store before it is returned, counted in the metrics, and logged without the free text and
 * with the AppID masked. It never decides: the face hands it the engine's call.
 */
@Service
public class Recorder {

    private static final Logger log = LoggerFactory.getLogger(Recorder.class);

    private final DecisionStore store;
    private final MeterRegistry metrics;
    private final Timer latency;

    public Recorder(DecisionStore store, MeterRegistry metrics) {
        this.store = store;
        this.metrics = metrics;
        this.latency = Timer.builder("locreview.decision.latency").description("Deciding and recording one application")
                .publishPercentileHistogram().register(metrics);
    }

    /** Takes the engine's decision of this request and records it; the latency covers both. */
    public Decision decide(ReviewRequest request, Supplier<Decision> engine, Caller caller) {
        return latency.record(() -> {
            Decision decision = engine.get();
            store.save(request, decision, caller.mode(), caller.name());
            Counter.builder("locreview.decisions").description("Decisions by outcome, API and deciding clause")
                    .tag("outcome", decision.decision().name()).tag("api", decision.api())
                    .tag("clause", String.valueOf(decision.clause())).tag("mode", caller.mode().name())
                    .register(metrics).increment();
            log.info("decision {} {} {} {} {} app={} by {}", decision.decisionId(), caller.mode(), decision.api(),
                    decision.decision(), decision.clause(), mask(request.appId()), caller.name());
            return decision;
        });
    }

    /** wx1234567890abcdef → wx12…ef: enough to tell apps apart in a log, not to name one. */
    static String mask(String appId) {
        if (appId == null || appId.isEmpty()) {
            return "-";
        }
        if (appId.length() <= 6) {
            return "*".repeat(appId.length());
        }
        return appId.substring(0, 4) + "…" + appId.substring(appId.length() - 2);
    }
}
