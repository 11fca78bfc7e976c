package dev.locreview.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.locreview.support.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Token buckets (bucket4j) per client address for anonymous pre-checks; reviewers are not limited.
 * Over the limit: 429 problem+json with Retry-After. Idle buckets expire (Caffeine) so memory stays bounded.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final Cache<String, Bucket> buckets;

    public RateLimitFilter(RateLimits limits) {
        this.limits = limits;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterAccess(limits.period().multipliedBy(2)).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && request.getRequestURI().equals("/api/v1/reviews"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof ApiKeyAuthentication) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = buckets.get(request.getRemoteAddr(), address -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.capacity())
                        .refillGreedy(limits.capacity(), limits.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", String.valueOf(seconds));
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many pre-checks",
                "at most " + limits.capacity() + " anonymous pre-checks per " + describe(limits.period())
                        + " per client; retry in " + seconds + " s, or use a reviewer key", "client");
    }

    private static String describe(Duration period) {
        return period.toSeconds() % 60 == 0 ? period.toMinutes() + " min" : period.toSeconds() + " s";
    }
}
