package dev.locreview.security;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Semaphore;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.locreview.support.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Anonymous requests may hold at most a bounded number of worker threads at once, so slow anonymous
 * clients cannot take the threads reviewers and load balancers need. Over the share: 503 with
 * Retry-After at once, before any of the body is read (Tomcat then closes the connection).
 */
public class AnonymousBulkhead extends OncePerRequestFilter {

    /** Cheap, bodiless answers that must always get through; matched exactly, so no encoding reaches them. */
    private static final Set<String> ALWAYS = Set.of("/api/v1/ping", "/actuator/health");

    private final Semaphore permits;

    public AnonymousBulkhead(int permits) {
        this.permits = new Semaphore(permits);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ALWAYS.contains(request.getRequestURI())
                || SecurityContextHolder.getContext().getAuthentication() instanceof ApiKeyAuthentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!permits.tryAcquire()) {
            response.setHeader("Retry-After", "5");
            Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Busy",
                    "too many anonymous requests are in progress; retry shortly, or use a reviewer key", "client");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
