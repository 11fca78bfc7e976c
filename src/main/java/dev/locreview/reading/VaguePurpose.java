package dev.locreview.reading;

import dev.locreview.policy.Evidence;

/** The reason gives a purpose too vague to review ("提升用户体验", "业务需要"). A rule-session fact. */
public record VaguePurpose(Evidence evidence) {

    public Evidence getEvidence() {
        return evidence;
    }
}
