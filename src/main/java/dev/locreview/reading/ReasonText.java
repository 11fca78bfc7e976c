package dev.locreview.reading;

/**
 * The reason as a whole: its length, and whether it is long enough that finding nothing in it means the
 * reading did not understand it rather than that it says nothing (cues.yaml `longText`). A rule-session fact.
 */
public record ReasonText(int length, boolean longText) {

    public int getLength() { return length; }
    public boolean isLongText() { return longText; }
}
