package dev.locreview.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;


/** Who is asking: a reviewer (by key name) or an anonymous developer pre-checking. */
public record Caller(String name, Mode mode) {

    public static final Caller ANONYMOUS = new Caller("anonymous", Mode.PRECHECK);

    /** The caller of the current request. */
    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof ApiKeyAuthentication key) {
            return new Caller(key.getName(), key.isReviewer() ? Mode.REVIEW : Mode.PRECHECK);
        }
        return ANONYMOUS;
    }
}
