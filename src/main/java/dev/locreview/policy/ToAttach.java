package dev.locreview.policy;

/**
 * One thing this application's evidence must show the reviewer; rank orders them (the feature first,
 * then the recording, then access). A rule-session fact; the rules word it.
 */
public record ToAttach(int rank, String text) {

    public String getText() {
        return text;
    }
}
