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

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.locreview.support.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Token buckets (bucket4j) per client address for anonymous calls of {@link RateLimited} handlers; a caller
 * with a key of any role is not limited. Runs once the handler is known and before the body is read.
 * Over the limit: 429 problem+json with Retry-After. Idle buckets expire (Caffeine) so memory stays bounded.
 */
@Component
public class RateLimitInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final RateLimits limits;
    private final Cache<String, Bucket> buckets;

    public RateLimitInterceptor(RateLimits limits) {
        this.limits = limits;
        this.buckets = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterAccess(limits.period().multipliedBy(2)).build();
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
        Bucket bucket = buckets.get(request.getRemoteAddr(), address -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.capacity())
                        .refillGreedy(limits.capacity(), limits.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
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
