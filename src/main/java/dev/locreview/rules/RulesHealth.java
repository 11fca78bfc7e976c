package dev.locreview.rules;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import dev.locreview.engine.RuleSet;

/**
 * The rule set's state in /actuator/health: the version answering, its size and load time, the store's active
 * version and whether this instance answers with it, the versions compiled ahead (an activation of one swaps at
 * once), and the last version that failed to load or reload. An
 * instance that could not load the active version stays UP (it answers with its last good set) and says so.
 */
@Component("rules")
public class RulesHealth implements HealthIndicator {

    private final LiveRules liveRules;

    public RulesHealth(LiveRules liveRules) {
        this.liveRules = liveRules;
    }

    @Override
    public Health health() {
        RuleSet rules = liveRules.current();
        Health.Builder health = Health.up().withDetail("version", rules.version())
                .withDetail("rules", rules.rules().size()).withDetail("loadedAt", rules.loadedAt().toString());
        liveRules.active().ifPresent(active -> health.withDetail("activeVersion", active.version())
                .withDetail("activatedAt", active.activatedAt().toString())
                .withDetail("activatedBy", active.activatedBy())
                .withDetail("answeringWithActive", active.version().equals(rules.version())));
        health.withDetail("prepared", liveRules.prepared());
        liveRules.lastFailure().ifPresent(f -> health.withDetail("lastReloadFailure", f));
        return health.build();
    }
}
