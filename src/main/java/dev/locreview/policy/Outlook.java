package dev.locreview.policy;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** How the real review is likely to go: the three gates it applies, a verdict, and what to attach. */
@Schema(description = "The likely outcome of the real review, gate by gate")
public record Outlook(
        @Schema(description = "LIKELY_APPROVED, AT_RISK or LIKELY_REJECTED") Verdict verdict,
        @Schema(description = "One entry per gate: CATEGORY, SCENARIO, EVIDENCE") List<GateView> gates,
        @Schema(description = "What this application's evidence must show") List<String> toAttach) {

    public enum Verdict { LIKELY_APPROVED, AT_RISK, LIKELY_REJECTED }

    public record GateView(GateCheck.Gate gate, GateCheck.Status status, String message, String source,
                           String clause) {
    }
}
