package dev.locreview.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on anonymous callers: `capacity` pre-checks per client, refilled evenly over `period`; and at
 * most `concurrent` anonymous requests in progress at once (of the server's worker threads).
 */
@ConfigurationProperties("locreview.rate-limit")
public record RateLimits(@DefaultValue("60") long capacity, @DefaultValue("1m") Duration period,
                         @DefaultValue("16") int concurrent) {
}
