package dev.locreview.support;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;


/** Query parameters read the same way everywhere, with a 400 naming the parameter. */
public final class Params {

    private Params() {
    }

    /** An ISO-8601 instant, or null when absent. */
    public static Instant instant(String field, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidApplicationException(field, "expected an ISO-8601 instant such as 2026-11-20T00:00:00Z",
                    List.of());
        }
    }
}
