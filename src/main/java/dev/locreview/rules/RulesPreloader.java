package dev.locreview.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import dev.locreview.engine.RuleSet;
import dev.locreview.engine.RuleSetValidator;
import dev.locreview.policy.RuleSetException;

/**
 * Starts compiling the rules as soon as the settings are known, before the application context is
 * even created, so that the Drools compile (the longest step of start-up) runs beside Spring's own.
 * Registered in META-INF/spring.factories; LiveRules takes the result.
 */
public class RulesPreloader implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Map<Path, CompletableFuture<RuleSet>> LOADING = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Path folder = folderOf(event.getEnvironment().getProperty("locreview.rules-dir", "rules"));
        LOADING.computeIfAbsent(folder, RulesPreloader::start);
    }

    /** The load already under way for this folder, if any; later callers start their own. */
    static Optional<CompletableFuture<RuleSet>> take(Path folder) {
        return Optional.ofNullable(LOADING.remove(folderOf(folder.toString())));
    }

    /** Loads and validates a rules folder on a thread of its own. */
    static CompletableFuture<RuleSet> start(Path folder) {
        return CompletableFuture.supplyAsync(() -> {
            RuleSet rules = RuleSet.load(folder);
            List<String> problems = RuleSetValidator.problems(rules);
            if (!problems.isEmpty()) {
                throw new RuleSetException("rules in " + rules.folder() + " are not valid:\n"
                        + String.join("\n", problems));
            }
            return rules;
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
