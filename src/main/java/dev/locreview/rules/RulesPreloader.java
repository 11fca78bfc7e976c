package dev.locreview.rules;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

import dev.locreview.engine.RuleSet;
import dev.locreview.policy.RuleSetException;
import dev.locreview.reading.WordCache;

/**
 * Starts compiling the rules as soon as the settings are known, before the application context is
 * even created, so that the Drools compile (the longest step of start-up) runs beside Spring's own.
 * Registered in META-INF/spring.factories; LiveRules takes the result.
 */
public class RulesPreloader implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Map<Path, CompletableFuture<RuleSet>> LOADING = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        WordCache.useDirectory(event.getEnvironment().getProperty("locreview.cache-dir"));
        Path folder = folderOf(event.getEnvironment().getProperty("locreview.rules-dir", "rules"));
        LOADING.computeIfAbsent(folder, RulesPreloader::start);
    }

    /** The load already under way for this folder, if any; later callers start their own. */
    static Optional<CompletableFuture<RuleSet>> take(Path folder) {
        return Optional.ofNullable(LOADING.remove(folderOf(folder.toString())));
    }

    /** Takes a rules folder through the pipeline (all but the casebook gate) on a thread of its own. */
    static CompletableFuture<RuleSet> start(Path folder) {
        return CompletableFuture.supplyAsync(() -> {
            RuleSetPipeline.Result result = RuleSetPipeline.check(folder);
            if (!result.accepted()) {
                throw new RuleSetException("rules in " + folder.toAbsolutePath().normalize() + " are not valid:\n"
                        + String.join("\n", result.problems()));
            }
            return result.rules();
        }, runnable -> {
            Thread thread = new Thread(runnable, "rules-initial-load");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private static Path folderOf(String folder) {
        return Path.of(folder).toAbsolutePath().normalize();
    }
}
