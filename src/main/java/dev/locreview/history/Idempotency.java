package dev.locreview.history;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.locreview.support.InvalidApplicationException;

/**
 * A request's Idempotency-Key, scoped to its client (a key's holder, or an anonymous client's address): the item's place in the request (0 for a single review)
 * and the SHA-256 of the body, so a retry is told from another request under the same key.
 */
public record Idempotency(String key, int index, String bodyHash) {

    public static final String HEADER = "Idempotency-Key";
    /** Long enough for a UUID or a queue name with a date; the column holds 200. */
    public static final int MAX_KEY = 200;

    /**
     * The request's key (null when it sent none) for a body with this hash.
     *
     * @throws InvalidApplicationException when the header is blank or too long
     */
    public static Idempotency of(String key, String bodyHash) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw new InvalidApplicationException(HEADER, "an Idempotency-Key is 1 to " + MAX_KEY + " characters",
                    List.of());
        }
        return new Idempotency(key, 0, bodyHash);
    }

    public Idempotency at(int itemIndex) {
        return new Idempotency(key, itemIndex, bodyHash);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
