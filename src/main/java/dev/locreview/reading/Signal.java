package dev.locreview.reading;

import dev.locreview.policy.Evidence;

/**
 * Words of the reason that show something a real reviewer looks for beyond the scenarios (a track watched
 * over time, a jump to a third-party map app, template wording, a test build), as cues.yaml `signals` names
 * them. A rule-session fact: the gate rules decide what it means.
 */
public final class Signal {

    private final String kind;
    private final int sentence;
    private final Evidence evidence;

    public Signal(String kind, int sentence, Evidence evidence) {
        this.kind = kind;
        this.sentence = sentence;
        this.evidence = evidence;
    }

    public String getKind() { return kind; }
    public int getSentence() { return sentence; }
    public Evidence getEvidence() { return evidence; }
    public int getStart() { return evidence.start(); }

    /** Whether these words include the span of some other evidence (a scenario found in the table's own words). */
    public boolean covers(Evidence other) {
        return other != null && evidence.start() <= other.start() && evidence.end() >= other.end();
    }

    @Override
    public String toString() {
        return kind + "「" + evidence.text() + "」";
    }
}
