package dev.locreview.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of reviewer operations (who, when, what), on its own logger so it can be routed and
 * kept apart: every read of the history, batch, reload and preview. Never the free text of an application.
 * One line per event: control characters in any value are written as \\uXXXX, so a request cannot forge
 * a line of its own (or put NUL and terminal escapes in the log).
 */
public final class Audit {

    private static final Logger log = LoggerFactory.getLogger("locreview.audit");

    private Audit() {
    }

    public static void record(String operation, String detail) {
        if (log.isInfoEnabled()) {
            log.info("{} by {}: {}", escape(operation), escape(Caller.current().name()), escape(detail));
        }
    }

    static String escape(String value) {
        if (value == null || value.chars().noneMatch(Audit::control)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        value.chars().forEach(c -> {
            if (control(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    /** C0, DEL, C1, and the Unicode line and paragraph separators. */
    private static boolean control(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
