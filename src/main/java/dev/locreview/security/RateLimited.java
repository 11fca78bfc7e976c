package dev.locreview.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method whose anonymous calls are rate-limited per client. On the handler rather than a
 * path, so no spelling of the URL (percent-encoding, dot segments) reaches it unlimited.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {
}
