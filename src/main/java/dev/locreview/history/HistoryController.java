package dev.locreview.history;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import dev.locreview.rules.LiveRules;
import dev.locreview.security.Audit;
import dev.locreview.security.Mode;
import dev.locreview.support.InvalidApplicationException;
import dev.locreview.support.NotFoundException;
import dev.locreview.support.Params;

/** The decision history, for reviewers: one record, or a filtered page, newest first. */
@RestController
@RequestMapping("/api/v1/reviews")
@SecurityRequirement(name = "apiKey")
public class HistoryController {

    static final int MAX_PAGE_SIZE = 200;

    private final DecisionStore store;
    private final LiveRules liveRules;

    public HistoryController(DecisionStore store, LiveRules liveRules) {
        this.store = store;
        this.liveRules = liveRules;
    }

    @Operation(summary = "One stored decision: the request as submitted and the decision as returned")
    @GetMapping("/{decisionId}")
    public DecisionRecord one(@PathVariable String decisionId) {
        Audit.record("read decision", decisionId);
        return store.find(decisionId).orElseThrow(() -> new NotFoundException("no decision " + decisionId));
    }

    @Operation(summary = "Stored decisions, newest first, with filters and paging")
    @GetMapping
    public DecisionStore.Page search(@RequestParam(required = false) String decision,
                                     @RequestParam(required = false) String api,
                                     @RequestParam(required = false) String appId,
                                     @RequestParam(required = false) String category,
                                     @RequestParam(required = false) String rule,
                                     @RequestParam(required = false) String mode,
                                     @RequestParam(required = false) String verdict,
                                     @RequestParam(required = false) String confidence,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidApplicationException("page", "page starts at 0", List.of());
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidApplicationException("size", "size is 1 to " + MAX_PAGE_SIZE, List.of());
        }
        String canonicalApi = api == null ? null : liveRules.current().data().api(api)
                .orElseThrow(() -> new InvalidApplicationException("api", "unknown API '" + api + "'", List.of()))
                .name();
        Audit.record("search history", "decision=" + decision + " api=" + api + " category=" + category + " rule="
                + rule + " mode=" + mode + " verdict=" + verdict + " confidence=" + confidence + " from=" + from + " to=" + to + " page=" + page);
        return store.search(new HistoryQuery(oneOf("decision", decision, "APPROVE", "REJECT"), canonicalApi,
                appId, category, rule, mode == null ? null : Mode.valueOf(oneOf("mode", mode, "PRECHECK", "REVIEW")),
                oneOf("verdict", verdict, "LIKELY_APPROVED", "AT_RISK", "LIKELY_REJECTED"),
                oneOf("confidence", confidence, "HIGH", "LOW"), Params.instant("from", from), Params.instant("to", to), page, size));
    }

    private static String oneOf(String field, String value, String... allowed) {
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!List.of(allowed).contains(upper)) {
            throw new InvalidApplicationException(field, "expected one of " + List.of(allowed), List.of(allowed));
        }
        return upper;
    }
}
