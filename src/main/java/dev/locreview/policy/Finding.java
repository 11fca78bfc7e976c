package dev.locreview.policy;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What one rule concluded: an approval, a rejection, a warning or guidance. Rules insert findings as facts
 * (so later phases can ask "not Finding( approval )"); the decision is read off them. Rule name and clause
 * come from the firing rule itself, or for a grant of section 一 from its row of grants.yaml; a rejection's
 * alternatives and its rank among rejections come from rejections.yaml.
 */
public final class Finding {

    /** DOUBT: why the reading is not sure of this decision (the response's confidence is LOW). */
    public enum Kind { APPROVAL, REJECTION, GUIDANCE, WARNING, DOUBT }

    private final Kind kind;
    private final String ruleId;
    private final String clause;
    private final String message;
    private final AppScenario scenario;

    private Finding(Kind kind, String ruleId, String clause, AppScenario scenario, String message) {
        this.kind = kind;
        this.ruleId = ruleId;
        this.clause = clause;
        this.scenario = scenario;
        this.message = message;
    }

    private Finding(Kind kind, RuleContext context, AppScenario scenario, String message) {
        this(kind, context.getRule().getName(), clause(context.getRule()), scenario, message);
    }

    private static String clause(Rule rule) {
        return String.valueOf(rule.getMetaData().get("clause"));
    }

    public static Finding approval(RuleContext context, AppScenario scenario, String message) {
        return new Finding(Kind.APPROVAL, context, scenario, message);
    }

    /** An approval by a grant of section 一: it cites the grant's own name and clause. */
    public static Finding granted(Qualifying qualifying, String message) {
        return new Finding(Kind.APPROVAL, qualifying.getGrant().getName(), qualifying.getClause(),
                qualifying.getScenario(), message);
    }

    public static Finding rejection(RuleContext context, AppScenario scenario, String message) {
        return new Finding(Kind.REJECTION, context, scenario, message);
    }

    public static Finding guidance(RuleContext context, String message) {
        return new Finding(Kind.GUIDANCE, context, null, message);
    }

    public static Finding warning(RuleContext context, String message) {
        return new Finding(Kind.WARNING, context, null, message);
    }

    public static Finding doubt(RuleContext context, String message) {
        return new Finding(Kind.DOUBT, context, null, message);
    }

    public Kind getKind() { return kind; }
    public boolean isApproval() { return kind == Kind.APPROVAL; }
    public boolean isRejection() { return kind == Kind.REJECTION; }
    public boolean isDoubt() { return kind == Kind.DOUBT; }
    public String getRuleId() { return ruleId; }
    public String getClause() { return clause; }
    public String getMessage() { return message; }
    public AppScenario getScenario() { return scenario; }

    @Override
    public String toString() {
        return kind + " " + clause + ": " + message;
    }
}
