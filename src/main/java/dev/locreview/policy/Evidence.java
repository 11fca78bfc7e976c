package dev.locreview.policy;

/** The words of the reason text that show a scenario: the span and its offset (UTF-16 chars, end exclusive). */
public record Evidence(String text, int start, int end, String cue) {
}
