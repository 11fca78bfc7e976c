package dev.locreview.rules;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import dev.locreview.engine.RuleSet;

/** The rule set's state in /actuator/health: version, size, load time, and the last failed reload. */
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
                .withDetail("rules", rules.rules().size()).withDetail("loadedAt", rules.loadedAt().toString())
                .withDetail("folder", rules.folder().toString());
        liveRules.lastFailure().ifPresent(f -> health.withDetail("lastReloadFailure", f));
        return health.build();
    }
}
