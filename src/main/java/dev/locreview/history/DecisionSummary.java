package dev.locreview.history;

import java.time.Instant;
import java.util.List;

import dev.locreview.security.Mode;

/** One line of the history: enough to scan a queue, with the id to open the full record. */
public record DecisionSummary(String decisionId, Instant decidedAt, Mode mode, String caller, String api,
                              String decision, String clause, String appId, List<String> categories,
                              String rulesVersion, String verdict, String confidence) {
}
