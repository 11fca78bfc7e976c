package dev.locreview.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatus;
import org.springframework.lang.NonNull;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.locreview.support.Problems;

/**
 * Token buckets (bucket4j, ClientBuckets: shared by a fleet on PostgreSQL) per client address for anonymous
 * calls of {@link RateLimited} handlers; a caller with a key of any role is not limited. Runs once the handler
 * is known and before the body is read. Over the limit: 429 problem+json with Retry-After; the buckets'
 * store unreachable: 503, as a decision that could not be stored would be.
 */
@Component
public class RateLimitInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final RateLimits limits;
    private final ClientBuckets buckets;

    public RateLimitInterceptor(RateLimits limits, ClientBuckets buckets) {
        this.limits = limits;
        this.buckets = buckets;
    }

    @Override
    public void addInterceptors(@NonNull InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                             @NonNull Object handler) throws IOException {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(RateLimited.class)
                || SecurityContextHolder.getContext().getAuthentication() instanceof ApiKeyAuthentication) {
            return true;
        }
        ConsumptionProbe probe;
        try {
            probe = buckets.of(request.getRemoteAddr()).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException storeDown) {
            response.setHeader("Retry-After", "30");
            Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Rate limit unavailable",
                    "the store that holds the rate limits is not answering; retry later", "client");
            return false;
        }
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
            return true;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", String.valueOf(seconds));
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many pre-checks",
                "at most " + limits.capacity() + " anonymous pre-checks per " + describe(limits.period())
                        + " per client; retry in " + seconds + " s, or use a reviewer key", "client");
        return false;
    }

    private static String describe(Duration period) {
        return period.toSeconds() % 60 == 0 ? period.toMinutes() + " min" : period.toSeconds() + " s";
    }
}
