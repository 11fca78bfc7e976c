package dev.locreview.policy;

import java.util.List;

/** A rejection pattern of section 二 (rules/data/rejections.yaml): its clause and the APIs to use instead. */
public record RejectionPattern(String clause, List<String> alternatives) {

    public RejectionPattern {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }
}
