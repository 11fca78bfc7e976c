package dev.locreview.engine;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.locreview.policy.AppScenario;
import dev.locreview.policy.Evidence;
import dev.locreview.policy.Outlook;

/** The answer to one application: the outcome, the rules behind it, and what to use instead. */
@Schema(description = "A review decision")
public record Decision(
        @Schema(description = "Unique id of this decision") String decisionId,
        @Schema(description = "APPROVE or REJECT") Outcome decision,
        @Schema(description = "Canonical API name, with wx.") String api,
        @Schema(description = "The clause that decided: the first reason's") String clause,
        @Schema(description = "How the real review is likely to go: its three gates, a verdict, what to attach")
        Outlook outlook,
        @Schema(description = "Every rule that concluded, most specific first") List<Reason> reasons,
        @Schema(description = "Lighter APIs to use instead, best first; empty on APPROVE") List<String> recommendedApis,
        @Schema(description = "Usage scenarios the decision considered") List<ScenarioView> scenarios,
        List<String> warnings,
        @Schema(description = "What the application should describe to qualify, when it did not") List<String> guidance,
        @Schema(description = "How sure the reading of the 申请原因 is: LOW with the reasons, or HIGH")
        Confidence confidence,
        @Schema(description = "Every rule that fired, in firing order") List<String> rulesFired,
        @Schema(description = "The application as the rules saw it") Echo application,
        @Schema(description = "Content hash of the rule set that decided") String rulesVersion,
        Instant decidedAt) {

    public enum Outcome { APPROVE, REJECT }

    public record Reason(String ruleId, String clause, String message) {
    }

    public enum Level { HIGH, LOW }

    /** LOW when a reading rule doubted the decision; its reasons say why, and why an approval still stands. */
    public record Confidence(Level level, List<String> reasons) {
    }

    public record ScenarioView(String code, String label, AppScenario.Source source, Evidence evidence) {
    }

    public record Echo(String appId, String appName, List<String> categories, List<String> scenarios, String reason) {
    }
}
