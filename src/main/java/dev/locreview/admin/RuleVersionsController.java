package dev.locreview.admin;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;

import dev.locreview.rules.LiveRules;
import dev.locreview.rules.RuleVersions;
import dev.locreview.security.Audit;
import dev.locreview.security.Caller;
import dev.locreview.support.Problems;

/** The rule set versions in the store, for rules admins: list, upload (validated as a reload is), activate. */
@RestController
@SecurityRequirement(name = "apiKey")
public class RuleVersionsController {

    private final LiveRules liveRules;
    private final RuleVersions versions;

    public RuleVersionsController(LiveRules liveRules, RuleVersions versions) {
        this.liveRules = liveRules;
        this.versions = versions;
    }

    public record Listed(String version, int rules, String uploadedBy, java.time.Instant uploadedAt, boolean active) {
    }

    /** `live`: the version this instance answers with; `active`: the store's; the latest activations, newest first. */
    public record Listing(String live, RuleVersions.Activation active, List<Listed> versions,
                          List<RuleVersions.Activation> activations) {
    }

    @Operation(summary = "Every stored rule set version, newest first, with the active one and the latest activations")
    @GetMapping("/api/v1/rules/versions")
    public Listing list() {
        RuleVersions.Activation active = versions.active().orElse(null);
        List<Listed> listed = versions.list().stream().map(v -> new Listed(v.version(), v.rules(), v.uploadedBy(),
                v.uploadedAt(), active != null && active.version().equals(v.version()))).toList();
        return new Listing(liveRules.current().version(), active, listed, versions.activations(20));
    }

    @Operation(summary = "Upload a rule set (a zip of a rules folder, at most 2 MiB): taken through the pipeline a "
            + "reload uses (allow-list, compile, vocabulary, casebook) and stored as a version, not yet active")
    @PostMapping(path = "/api/v1/rules/versions", consumes = {"application/zip", "application/octet-stream"})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "A zip of a rules folder (the folder that "
            + "holds data/), at most 2 MiB", content = @Content(mediaType = "application/zip",
            schema = @Schema(type = "string", format = "binary")))
    public ResponseEntity<?> upload(HttpServletRequest request) throws IOException {
        byte[] zip = RulesController.body(request);
        if (zip == null) {
            return RulesController.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Rule set too large", "the body is larger "
                    + "than " + RulesController.MAX_PREVIEW_BODY + " bytes; a zipped rule set may have at most that many",
                    null);
        }
        LiveRules.Upload upload = liveRules.upload(zip, Caller.current().name());
        Audit.record("upload rules", upload.accepted() ? "version " + upload.version()
                + (upload.added() ? "" : " (already stored)") : "refused " + upload.version());
        if (!upload.accepted()) {
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Rule set refused",
                    upload.problems().get(0), List.of(new Problems.FieldError("body", upload.problems().get(0))));
            problem.setProperty("problems", upload.problems());
            problem.setProperty("candidateVersion", upload.version());
            return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.status(upload.added() ? HttpStatus.CREATED : HttpStatus.OK).body(upload);
    }

    @Operation(summary = "Activate a stored version on every instance (within seconds); an earlier one is a rollback. "
            + "Refused (422) when it does not load here, and the live set keeps answering")
    @PostMapping("/api/v1/rules/versions/{version}/activate")
    public ResponseEntity<?> activate(@PathVariable String version) {
        if (!version.matches("[0-9a-f]{1,32}")) {
            return notFound(version);
        }
        return liveRules.activate(version, Caller.current().name()).<ResponseEntity<?>>map(reload -> {
            Audit.record("activate rules", reload.swapped() ? "now " + reload.liveVersion()
                    : "refused " + version + ", " + reload.liveVersion() + " stays live");
            return ResponseEntity.status(reload.swapped() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(reload);
        }).orElseGet(() -> notFound(version));
    }

    private static ResponseEntity<ProblemDetail> notFound(String version) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.NOT_FOUND, "No such rule set version", "the store holds no version '"
                        + version + "'; GET /api/v1/rules/versions lists them", List.of(new Problems.FieldError(
                        "version", "unknown version"))));
    }
}
