package dev.locreview.review;

import java.util.Comparator;
import java.util.List;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What one rule concluded: an approval, a rejection with its alternatives, or guidance.
 * Rules insert findings as facts (so later rules can ask "not Finding( approval )");
 * the decision is read off them. Rule name, clause and rank come from the firing rule itself.
 */
public final class Finding {

    public enum Kind { APPROVAL, REJECTION, GUIDANCE, WARNING }

    /** Stable order: higher-ranked (more specific) rules first, then rule name, then message. */
    public static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::getRank).reversed()
            .thenComparing(Finding::getRuleId)
            .thenComparing(Finding::getMessage);

    private final Kind kind;
    private final String ruleId;
    private final String clause;
    private final int rank;
    private final String message;
    private final List<String> alternatives;
    private final AppScenario scenario;

    private Finding(Kind kind, RuleContext context, AppScenario scenario, String message, List<String> alternatives) {
        Rule rule = context.getRule();
        this.kind = kind;
        this.ruleId = rule.getName();
        this.clause = String.valueOf(rule.getMetaData().get("clause"));
        this.rank = rule instanceof RuleImpl impl ? impl.getSalienceValue() : 0;
        this.scenario = scenario;
        this.message = message;
        this.alternatives = List.copyOf(alternatives);
    }

    public static Finding approval(RuleContext context, AppScenario scenario, String message) {
        return new Finding(Kind.APPROVAL, context, scenario, message, List.of());
    }

    public static Finding rejection(RuleContext context, AppScenario scenario, String message, String... alternatives) {
        return new Finding(Kind.REJECTION, context, scenario, message, List.of(alternatives));
    }

    public static Finding guidance(RuleContext context, String message) {
        return new Finding(Kind.GUIDANCE, context, null, message, List.of());
    }

    public static Finding warning(RuleContext context, String message) {
        return new Finding(Kind.WARNING, context, null, message, List.of());
    }

    public Kind getKind() { return kind; }
    public boolean isApproval() { return kind == Kind.APPROVAL; }
    public boolean isRejection() { return kind == Kind.REJECTION; }
    public String getRuleId() { return ruleId; }
    public String getClause() { return clause; }
    public int getRank() { return rank; }
    public String getMessage() { return message; }
    public List<String> getAlternatives() { return alternatives; }
    public AppScenario getScenario() { return scenario; }

    @Override
    public String toString() {
        return kind + " " + clause + ": " + message;
    }
}
