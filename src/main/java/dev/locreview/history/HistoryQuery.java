package dev.locreview.history;

import java.time.Instant;

import dev.locreview.security.Mode;

/** Filters of the history; null means any. */
public record HistoryQuery(String decision, String api, String appId, String category, String rule, Mode mode,
                           String verdict, String confidence, Instant from, Instant to, int page, int size) {
}
