package dev.locreview.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.locreview.support.Problems;

/**
 * Bounds what a request body may cost: larger than any real application is refused before it is read
 * (413), so are forms (415), a body still arriving after the deadline fails (408) so a client dribbling bytes cannot hold a
 * worker thread, and JSON and text bodies must be well-formed UTF-8 (Jackson would take overlong forms
 * and encoded surrogates).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodyLimitFilter extends OncePerRequestFilter {

    /** One application is a few KiB at most: 2,000 characters of reason and five categories. */
    static final long MAX_SINGLE_BODY = 64 * 1024;
    /** A rules preview or upload carries a zipped rule set (its endpoint says 413 above this too). */
    static final long MAX_PREVIEW_BODY = 2 * 1024 * 1024;

    private final Duration deadline;
    /** A batch of up to 1,000 applications (its endpoint spools it and says 413 above this too). */
    private final long maxBatchBody;

    public BodyLimitFilter(@Value("${locreview.body-deadline:10s}") Duration deadline,
                           @Value("${locreview.batch.max-body:4MB}") DataSize maxBatchBody) {
        this.deadline = deadline;
        this.maxBatchBody = maxBatchBody.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        long limit = uri.endsWith("/batch") ? maxBatchBody
                : uri.equals("/api/v1/rules/preview") || uri.equals("/api/v1/rules/versions") ? MAX_PREVIEW_BODY
                : MAX_SINGLE_BODY;
        long length = request.getContentLengthLong();
        if (length > limit) {
            Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                    "the body is " + length + " bytes; at most " + limit + " are accepted here", "body");
            return;
        }
        if (neverRead(request.getContentType())) {
            Problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Content-Type '"
                    + request.getContentType() + "' is not accepted here; send application/json", "Content-Type");
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request, limit, System.nanoTime() + deadline.toNanos(),
                isText(request.getContentType())), response);
    }

    /**
     * Forms and multipart bodies, which Tomcat would parse itself (past the limits above) though nothing
     * here takes them, and wildcards, which no body can be.
     */
    private static boolean neverRead(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return type.equals("application/x-www-form-urlencoded") || type.startsWith("multipart/") || type.contains("*");
    }

    /** JSON, JSON Lines and text in UTF-8 (declared or by default); not uploads such as a rules zip. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        boolean text = type.startsWith("text/") || type.contains("json");
        return text && (!type.contains("charset=") || type.replace("\"", "").matches(".*charset=\\s*utf-?8.*"));
    }
}
