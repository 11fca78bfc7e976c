package dev.locreview.support;

import java.util.List;

/** A well-formed request that names something the policy does not know: 400 naming the field. */
public class InvalidApplicationException extends RuntimeException {

    private final String field;
    private final List<String> suggestions;

    public InvalidApplicationException(String field, String message, List<String> suggestions) {
        super(message);
        this.field = field;
        this.suggestions = List.copyOf(suggestions);
    }

    public String field() { return field; }
    public List<String> suggestions() { return suggestions; }
}
