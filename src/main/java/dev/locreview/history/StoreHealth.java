package dev.locreview.history;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The decision store in /actuator/health: DOWN from a failed commit until a write succeeds again (a
 * decision's, or the probe this runs while DOWN), since a service that cannot store cannot answer.
 */
@Component("store")
public class StoreHealth implements HealthIndicator {

    private final DecisionStore store;

    public StoreHealth(DecisionStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        if (store.writeFailure().isPresent() && !store.probeWrite()) {
            return Health.down().withDetail("lastWriteFailure", store.writeFailure().orElse("")).build();
        }
        return Health.up().build();
    }
}
