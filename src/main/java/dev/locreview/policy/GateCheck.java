package dev.locreview.policy;

import java.util.Comparator;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What one gate rule concluded about one of the real review's three gates, with the source it follows.
 * Rules insert these as facts; the outlook shows, per gate, the worst status and, among those, the
 * first message in a stable order.
 */
public final class GateCheck {

    public enum Gate { CATEGORY, SCENARIO, EVIDENCE }

    public enum Status { PASS, WARN, FAIL }

    /** Worst first, then by message, so the same application always shows the same words. */
    public static final Comparator<GateCheck> WORST_FIRST = Comparator.comparing(GateCheck::getStatus).reversed()
            .thenComparing(GateCheck::getMessage);

    private final Gate gate;
    private final Status status;
    private final String message;
    private final String source;
    private final String clause;

    private GateCheck(RuleContext context, Gate gate, Status status, String message, String source) {
        Rule rule = context.getRule();
        this.gate = gate;
        this.status = status;
        this.message = message;
        this.source = source;
        this.clause = String.valueOf(rule.getMetaData().get("clause"));
    }

    public static GateCheck pass(RuleContext context, Gate gate, String message, String source) {
        return new GateCheck(context, gate, Status.PASS, message, source);
    }

    public static GateCheck warn(RuleContext context, Gate gate, String message, String source) {
        return new GateCheck(context, gate, Status.WARN, message, source);
    }

    public static GateCheck fail(RuleContext context, Gate gate, String message, String source) {
        return new GateCheck(context, gate, Status.FAIL, message, source);
    }

    public Gate getGate() { return gate; }
    public Status getStatus() { return status; }
    public boolean isFailed() { return status == Status.FAIL; }
    public boolean isWarned() { return status == Status.WARN; }
    public String getMessage() { return message; }
    public String getSource() { return source; }
    public String getClause() { return clause; }

    @Override
    public String toString() {
        return gate + " " + status + " " + clause;
    }
}
