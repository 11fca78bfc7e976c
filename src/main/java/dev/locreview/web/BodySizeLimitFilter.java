package dev.locreview.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.locreview.support.Problems;

/** Refuses bodies larger than any real application before they are read (400, naming the body). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodySizeLimitFilter extends OncePerRequestFilter {

    /** One application is a few KiB at most: 2,000 characters of reason and five categories. */
    static final long MAX_SINGLE_BODY = 64 * 1024;
    /**
     * Batches are limited where they are read (BatchController: locreview.batch.max-body, 413); a rules preview
     * carries a zipped rule set, and its endpoint enforces its own, larger limit.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().endsWith("/batch") || request.getRequestURI().equals("/api/v1/rules/preview");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = MAX_SINGLE_BODY;
        long length = request.getContentLengthLong();
        if (length > limit) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "Request body too large",
                    "the body is " + length + " bytes; at most " + limit + " are accepted here", "body");
            return;
        }
        chain.doFilter(length < 0 ? new LimitedBodyRequest(request, limit) : request, response);
    }
}
