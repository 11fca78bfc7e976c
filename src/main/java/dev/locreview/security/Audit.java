package dev.locreview.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of reviewer operations (who, when, what), on its own logger so it can be routed and
 * kept apart: every read of the history, batch, reload and preview. Never the free text of an application.
 */
public final class Audit {

    private static final Logger log = LoggerFactory.getLogger("locreview.audit");

    private Audit() {
    }

    public static void record(String operation, String detail) {
        log.info("{} by {}: {}", operation, Caller.current().name(), detail);
    }
}
