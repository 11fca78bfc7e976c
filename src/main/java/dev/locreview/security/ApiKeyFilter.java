package dev.locreview.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.locreview.support.Problems;

/**
 * Authenticates a request that presents an API key (X-API-Key, or Authorization: Bearer). A request
 * without one goes on anonymous; one with a wrong key is refused at once, never treated as anonymous.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";

    private final KeyRing keys;

    public ApiKeyFilter(KeyRing keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presented(request);
        if (presented != null) {
            ApiKeys.Key key = keys.find(ApiKeys.sha256(presented)).orElse(null);
            if (key == null) {
                Problems.write(response, HttpStatus.UNAUTHORIZED, "Unknown API key",
                        "the API key presented is not valid", "X-API-Key");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(new ApiKeyAuthentication(key.name(), key.roles()));
        }
        chain.doFilter(request, response);
    }

    private static String presented(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }
}
