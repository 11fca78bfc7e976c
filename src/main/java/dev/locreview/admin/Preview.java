package dev.locreview.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;

import dev.locreview.casebook.CaseRunner;
import dev.locreview.engine.Decision;
import dev.locreview.engine.RuleSet;
import dev.locreview.history.DecisionRecord;
import dev.locreview.history.DecisionStore;
import dev.locreview.policy.RuleSetException;
import dev.locreview.rules.LocreviewProperties;
import dev.locreview.rules.RuleSetPipeline;
import dev.locreview.rules.RulesZip;

/**
 * Impact preview: what a candidate rule set would change. The candidate (a zip of a rules folder) is
 * unpacked aside and taken through the pipeline, and the stored decisions of a period are replayed against
 * it a page at a time, within the time budget, keeping only counts and a few examples; the live set is
 * never touched.
 */
@Service
public class Preview {

    static final int MAX_EXAMPLES = 20;
    /** Decisions read from the store at once. */
    static final int PAGE = 200;

    private final DecisionStore store;
    private final RuleSetPipeline pipeline;
    private final int maxDecisions;

    public Preview(DecisionStore store, RuleSetPipeline pipeline, LocreviewProperties properties) {
        this.store = store;
        this.pipeline = pipeline;
        this.maxDecisions = properties.rules().previewMaxDecisions();
    }

    /** A decision as compared: outcome, deciding clause and the alternatives, in order. */
    public record Outcome(String decision, String clause, List<String> recommendedApis) {
        /** As a stored decision records it. */
        static Outcome of(JsonNode decision) {
            List<String> apis = new ArrayList<>();
            decision.path("recommendedApis").forEach(a -> apis.add(a.asText()));
            return new Outcome(decision.path("decision").asText(null), decision.path("clause").asText(null), apis);
        }

        /** As the candidate rules decide it now; a stored request they refuse has no decision. */
        static Outcome of(CaseRunner.Outcome now) {
            Decision d = now.decision();
            return d == null ? new Outcome(null, null, List.of())
                    : new Outcome(d.decision().name(), d.clause(), d.recommendedApis());
        }
    }

    public record Change(String decisionId, Instant decidedAt, String api, Outcome from, Outcome to) {
    }

    /**
     * What would change. `replayed` decisions were read in `pages` pages; `capped` says the period held
     * more than `cap` (the smaller of the request's limit and the configured maximum) and the rest were not
     * replayed. `examples` are the first changes, at most 20.
     */
    public record Report(String candidateVersion, String liveVersion, List<String> problems, int replayed, int changed,
                         int pages, int cap, boolean capped, Map<String, Integer> byOutcome,
                         Map<String, Integer> byClause, Map<String, Integer> byApi, List<Change> examples) {
    }

    public Report preview(byte[] zip, String liveVersion, Instant from, Instant to, int limit) {
        try {
            return RulesZip.withUnpacked(zip, folder -> {
                RuleSetPipeline.Result candidate = RuleSetPipeline.check(folder);
                if (!candidate.accepted()) {
                    return refused(candidate.version(), liveVersion, candidate.problems());
                }
                int cap = Math.min(limit, maxDecisions);
                return pipeline.withinBudget("the replay of stored decisions",
                        () -> replay(candidate.rules(), liveVersion, from, to, cap));
            });
        } catch (RuleSetException e) {
            return refused(null, liveVersion, List.of(e.getMessage().split("\n")));
        }
    }

    private Report replay(RuleSet candidate, String liveVersion, Instant from, Instant to, int cap) {
        Map<String, Integer> byOutcome = new TreeMap<>();
        Map<String, Integer> byClause = new TreeMap<>();
        Map<String, Integer> byApi = new TreeMap<>();
        List<Change> examples = new ArrayList<>();
        int replayed = 0;
        int changed = 0;
        int pages = 0;
        DecisionRecord last = null;
        boolean more = true;
        while (more && replayed < cap) {
            int size = Math.min(PAGE, cap - replayed);
            List<DecisionRecord> page = store.between(from, to, last, size);
            pages++;
            for (DecisionRecord record : page) {
                Outcome before = Outcome.of(record.result());
                Outcome after = Outcome.of(CaseRunner.decide(candidate, record.request()));
                if (!before.equals(after)) {
                    changed++;
                    byOutcome.merge(before.decision() + "→" + after.decision(), 1, Integer::sum);
                    byClause.merge(before.clause() + "→" + after.clause(), 1, Integer::sum);
                    byApi.merge(record.api(), 1, Integer::sum);
                    if (examples.size() < MAX_EXAMPLES) {
                        examples.add(new Change(record.decisionId(), record.decidedAt(), record.api(), before, after));
                    }
                }
            }
            replayed += page.size();
            more = page.size() == size;
            last = page.isEmpty() ? last : page.get(page.size() - 1);
        }
        boolean capped = more && !store.between(from, to, last, 1).isEmpty();
        return new Report(candidate.version(), liveVersion, List.of(), replayed, changed, pages, cap, capped,
                byOutcome, byClause, byApi, examples);
    }

    private static Report refused(String candidate, String live, List<String> problems) {
        return new Report(candidate, live, problems, 0, 0, 0, 0, false, Map.of(), Map.of(), Map.of(), List.of());
    }
}
