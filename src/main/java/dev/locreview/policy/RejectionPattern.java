package dev.locreview.policy;

import java.util.List;

/**
 * A rejection pattern of section 二 (rules/data/rejections.yaml): its clause, the APIs to use instead, and its
 * order (0 is the most specific). A rule-session fact, so rules can ask which rejection decides.
 */
public record RejectionPattern(String clause, List<String> alternatives, int order) {

    public RejectionPattern {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    public String getClause() { return clause; }
    public int getOrder() { return order; }
}
