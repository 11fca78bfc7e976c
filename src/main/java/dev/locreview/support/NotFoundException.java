package dev.locreview.support;

/** A stored record that does not exist: 404 problem. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
