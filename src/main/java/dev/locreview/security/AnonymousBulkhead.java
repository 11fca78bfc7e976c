package dev.locreview.security;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.locreview.support.Problems;
import dev.locreview.web.ObservedInputStream;

/**
 * Anonymous requests may hold at most a bounded number of worker threads at once while they wait on their
 * client, so slow anonymous clients cannot take the threads reviewers and load balancers need. Over the share:
 * 503 with Retry-After at once, before any of the body is read (Tomcat then closes the connection).
 * <p>
 * A permit is held until the request's body has all arrived (or the request is done, if it ends first): the
 * body is the only part of a request a client can stretch out (headers are read by Tomcat under its connection
 * timeout, the answer is small enough for the socket's buffer). Holding it for the deciding too refused fast
 * clients whenever more than the share were being decided at once on two cores.
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
        Permit permit = new Permit();
        try {
            boolean bodiless = request.getContentLengthLong() == 0
                    || request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") == null;
            if (bodiless) {
                permit.release();
            }
            chain.doFilter(bodiless ? request : new BodyRead(request, permit), response);
        } finally {
            permit.release();
        }
    }

    /** Released once: when the body has arrived, or when the request is done. */
    private final class Permit {
        private final AtomicBoolean held = new AtomicBoolean(true);

        void release() {
            if (held.compareAndSet(true, false)) {
                permits.release();
            }
        }
    }

    /** Releases the permit when its body has been read to the end (its length, or end of stream). */
    private static final class BodyRead extends HttpServletRequestWrapper {
        private final Permit permit;
        private final long length;

        BodyRead(HttpServletRequest request, Permit permit) {
            super(request);
            this.permit = permit;
            this.length = request.getContentLengthLong();
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ObservedInputStream(in) {
                private long read;

                @Override
                protected void observed(byte[] buffer, int off, int n) {
                    if (n < 0 || (read += n) >= length && length >= 0) {
                        permit.release();
                    }
                }
            };
        }
    }
}
