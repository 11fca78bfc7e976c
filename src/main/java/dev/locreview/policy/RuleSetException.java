package dev.locreview.policy;

/** A rule set that cannot be used: the message names the file (and line, for DRL) at fault. */
public class RuleSetException extends RuntimeException {

    public RuleSetException(String message) {
        super(message);
    }

    public RuleSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
