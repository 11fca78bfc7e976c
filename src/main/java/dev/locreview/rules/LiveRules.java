package dev.locreview.rules;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import dev.locreview.engine.RuleSet;

/**
 * The rule set the service decides with. A decision reads it once, so it is decided wholly by one
 * version. A reload builds and checks the new set off to the side and swaps it in atomically; when
 * anything fails, the old set keeps answering and the failure is kept for the health endpoint.
 */
@Component
public class LiveRules implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LiveRules.class);

    private final Path folder;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    /** The first load runs beside the rest of start-up; the context waits for it before it serves. */
    private final CompletableFuture<RuleSet> initial;
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();
    private final RuleSetPipeline pipeline;

    /** A reload that did not go live: when, and every problem with file and line. */
    public record Failure(Instant at, List<String> problems) {
    }

    /** What a reload did: the version now live, and the problems if the candidate was refused. */
    public record Reload(boolean swapped, String liveVersion, String candidateVersion, List<String> problems) {
    }

    public LiveRules(LocreviewProperties properties, RuleSetPipeline pipeline) {
        this.folder = properties.rulesDir();
        this.pipeline = pipeline;
        this.initial = RulesPreloader.take(folder).orElseGet(() -> RulesPreloader.start(folder))
                .thenApply(rules -> {
                    log.info("Loaded rule set {} from {}: {} rules", rules.version(), rules.folder(),
                            rules.rules().size());
                    return rules;
                });
    }

    /** Start-up fails here, with the problems, if the rules folder does not load. */
    @Override
    public void afterSingletonsInstantiated() {
        current();
    }

    public RuleSet current() {
        RuleSet rules = current.get();
        if (rules == null) {
            try {
                current.compareAndSet(null, initial.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            rules = current.get();
        }
        return rules;
    }

    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /** Takes the rules folder through the pipeline again (casebook gate included); swaps only a set with no problem. */
    public synchronized Reload reload() {
        String live = current().version();
        RuleSetPipeline.Result result = pipeline.gate(folder);
        if (!result.accepted()) {
            return refuse(live, result.version(), result.problems());
        }
        RuleSet candidate = result.rules();
        current.set(candidate);
        lastFailure.set(null);
        log.info("Rule set {} replaced {} ({} rules)", candidate.version(), live, candidate.rules().size());
        return new Reload(true, candidate.version(), candidate.version(), List.of());
    }

    private Reload refuse(String live, String candidate, List<String> problems) {
        lastFailure.set(new Failure(Instant.now(), problems));
        log.warn("Rule reload refused; {} stays live:\n  {}", live, String.join("\n  ", problems));
        return new Reload(false, live, candidate, problems);
    }
}
