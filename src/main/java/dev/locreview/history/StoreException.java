package dev.locreview.history;

import org.springframework.http.HttpStatus;

/** Why a decision was not stored, and so not returned: each answers with its own status (StoreProblems). */
public class StoreException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String field;
    private final long retryAfterSeconds;

    StoreException(HttpStatus status, String title, String detail, String field, long retryAfterSeconds,
                   Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpStatus status() { return status; }
    public String title() { return title; }
    /** The request field at fault, or null when the fault is the service's. */
    public String field() { return field; }
    /** For Retry-After; 0 when a retry would not help. */
    public long retryAfterSeconds() { return retryAfterSeconds; }

    /** The store cannot write at all (closed, unreachable, no permission): retry later; health is DOWN. */
    static StoreException unavailable(Throwable cause) {
        return new StoreException(HttpStatus.SERVICE_UNAVAILABLE, "Decision store unavailable",
                "the decision could not be stored, so it is not returned; the store is not accepting writes"
                        + " (see /actuator/health); retry later", null, 30, cause);
    }

    /** This one record was refused by the store while others were written. */
    static StoreException refused(String decisionId, Throwable cause) {
        return new StoreException(HttpStatus.INSUFFICIENT_STORAGE, "Decision not stored",
                "the store refused the record of decision " + decisionId + ", so it is not returned", "body", 0, cause);
    }

    static StoreException quota(String detail, long retryAfterSeconds) {
        return new StoreException(HttpStatus.TOO_MANY_REQUESTS, "Storage quota used up", detail, "client",
                retryAfterSeconds, null);
    }

    static StoreException idempotencyConflict(String key) {
        return new StoreException(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused",
                "the Idempotency-Key '" + key + "' was used with a different body; use a new key for a new request",
                Idempotency.HEADER, 0, null);
    }
}
