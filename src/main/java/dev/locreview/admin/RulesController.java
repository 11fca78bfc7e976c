package dev.locreview.admin;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;

import dev.locreview.engine.RuleSet;
import dev.locreview.rules.LiveRules;
import dev.locreview.security.Audit;
import dev.locreview.security.Caller;
import dev.locreview.support.InvalidApplicationException;
import dev.locreview.support.Params;
import dev.locreview.support.Problems;

/** The loaded rule set, as a reviewer audits it: version, load time, each rule with its clause and file. */
@RestController
public class RulesController {

    private final LiveRules liveRules;
    private final Preview preview;

    public RulesController(LiveRules liveRules, Preview preview) {
        this.liveRules = liveRules;
        this.preview = preview;
    }

    public record LoadedRules(String version, Instant loadedAt, List<LoadedRule> rules) {
    }

    public record LoadedRule(String name, String clause, String file, long fireCount) {
    }

    @Operation(summary = "The loaded rule set: version, load time, rules with clause, file and fire counts")
    @GetMapping("/api/v1/rules")
    public LoadedRules rules() {
        RuleSet rules = liveRules.current();
        return new LoadedRules(rules.version(), rules.loadedAt(), rules.rules().stream()
                .map(r -> new LoadedRule(r.name(), r.clause(), r.file(), rules.fireCount(r.name()))).toList());
    }

    @Operation(summary = "Reload the rules folder: validated and casebook-checked aside, stored as a version and "
            + "activated on every instance, or refused with every problem (file and line) while the old set keeps answering")
    @SecurityRequirement(name = "apiKey")
    @PostMapping("/api/v1/rules/reload")
    public ResponseEntity<LiveRules.Reload> reload() {
        LiveRules.Reload reload = liveRules.reload(Caller.current().name());
        Audit.record("reload rules", reload.swapped() ? "now " + reload.liveVersion()
                : "refused " + reload.candidateVersion() + ", " + reload.liveVersion() + " stays live");
        return ResponseEntity.status(reload.swapped() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(reload);
    }

    /** A real rule set zips to about 25 KB; the body of a preview may be this large (413 above). */
    static final int MAX_PREVIEW_BODY = 2 * 1024 * 1024;
    private final Semaphore previewing = new Semaphore(1);

    @Operation(summary = "Impact preview: replay stored decisions of a period against a candidate rule set "
            + "(a zip of a rules folder, at most 2 MiB) and report what would change; the live set is not touched")
    @SecurityRequirement(name = "apiKey")
    @PostMapping(path = "/api/v1/rules/preview", consumes = {"application/zip", "application/octet-stream"})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "A zip of a rules folder (the folder that "
            + "holds data/), at most 2 MiB", content = @Content(mediaType = "application/zip",
            schema = @Schema(type = "string", format = "binary")))
    public ResponseEntity<?> preview(HttpServletRequest request,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(defaultValue = "10000") int limit) throws IOException {
        Instant end = to == null ? Instant.now() : Params.instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : Params.instant("from", from);
        if (limit < 1 || limit > 100_000) {
            throw new InvalidApplicationException("limit", "limit is 1 to 100000", List.of());
        }
        byte[] zip = body(request);
        if (zip == null) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Rule set too large", "the body is larger than "
                    + MAX_PREVIEW_BODY + " bytes; a zipped rule set may have at most that many", null);
        }
        // One candidate at a time: each is a compiled rule set in memory and a replay on a thread of its own.
        if (!previewing.tryAcquire()) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, "Preview busy", "another preview is running; send this "
                    + "one when it is done", null);
        }
        Preview.Report report;
        try {
            report = preview.preview(zip, liveRules.current().version(), start, end, limit);
        } finally {
            previewing.release();
        }
        Audit.record("preview rules", "candidate " + report.candidateVersion() + " from " + start + " to " + end + ": "
                + (report.problems().isEmpty() ? report.changed() + " of " + report.replayed()
                + " decisions would change" : "refused"));
        if (!report.problems().isEmpty()) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Rule set refused", report.problems().get(0), report);
        }
        return ResponseEntity.ok(report);
    }

    /** The body, or null when it is over the limit (read no further than that). */
    static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_PREVIEW_BODY) {
            return null;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_PREVIEW_BODY + 1);
        return body.length > MAX_PREVIEW_BODY ? null : body;
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                 Preview.Report refused) {
        ProblemDetail problem = Problems.of(status, title, detail, List.of(new Problems.FieldError("body", detail)));
        if (refused != null) {
            problem.setProperty("problems", refused.problems());
            problem.setProperty("candidateVersion", refused.candidateVersion());
            problem.setProperty("liveVersion", refused.liveVersion());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
