package dev.locreview.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Anonymous pre-checks per client: `capacity` requests, refilled evenly over `period`. */
@ConfigurationProperties("locreview.rate-limit")
public record RateLimits(@DefaultValue("60") long capacity, @DefaultValue("1m") Duration period) {
}
