package dev.locreview.policy;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The rule set the service decides with. Each decision reads it once, so it is decided by one version. */
@Component
public class LiveRules {

    private static final Logger log = LoggerFactory.getLogger(LiveRules.class);

    private final AtomicReference<RuleSet> current = new AtomicReference<>();

    public LiveRules(LocreviewProperties properties) {
        RuleSet rules = RuleSet.load(properties.rulesDir());
        current.set(rules);
        log.info("Loaded rule set {} from {}: {} rules", rules.version(), rules.folder(), rules.rules().size());
    }

    public RuleSet current() {
        return current.get();
    }
}
