package dev.locreview.history;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.locreview.security.Mode;

/** A stored decision: the request as submitted and the decision as returned, with who asked and when. */
@Schema(description = "A stored decision")
public record DecisionRecord(String decisionId, Instant decidedAt, Mode mode, String caller, String api,
                             String decision, String clause, String appId, String rulesVersion,
                             @Schema(description = "The request as submitted") JsonNode request,
                             @Schema(description = "The decision as returned") JsonNode result) {
}
