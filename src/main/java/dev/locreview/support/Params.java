package dev.locreview.support;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;


/** Query parameters read the same way everywhere, with a 400 naming the parameter. */
public final class Params {

    /**
     * The instants a store can hold faithfully: SQL timestamps wrap or shift outside it (a year of
     * -1000000000 is a valid Instant, and the Julian calendar takes over before 1582).
     */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Params() {
    }

    /** An ISO-8601 instant between 1900 and 9999, or null when absent. */
    public static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidApplicationException(field, "expected an ISO-8601 instant such as 2026-11-20T00:00:00Z",
                    List.of());
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidApplicationException(field, "expected an instant between " + EARLIEST + " and " + LATEST,
                    List.of());
        }
        return instant;
    }
}
