package dev.locreview.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.locreview.history.Recorder;
import dev.locreview.engine.Decision;
import dev.locreview.engine.Engine;
import dev.locreview.engine.ReviewRequest;
import dev.locreview.rules.LiveRules;
import dev.locreview.support.InvalidApplicationException;
import dev.locreview.web.RequestReader;
import dev.locreview.security.Audit;
import dev.locreview.security.Caller;
import dev.locreview.web.ProblemHandler;
import dev.locreview.support.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Validator;

/**
 * Batch review of a queue: a JSON array, or JSON Lines (one application per line). One result per item,
 * in order; a bad item gets its own problem and does not fail the others. Every decision is recorded.
 */
@RestController
@SecurityRequirement(name = "apiKey")
public class BatchController {

    public static final int MAX_ITEMS = 1000;
    private static final Set<String> JSON_LINES = Set.of("application/x-ndjson", "application/jsonl",
            "application/x-jsonlines", "application/jsonlines", "text/plain");

    private final Recorder recorder;
    private final LiveRules liveRules;
    private final ObjectMapper json;
    private final Validator validator;

    public BatchController(Recorder recorder, LiveRules liveRules, ObjectMapper json, Validator validator) {
        this.liveRules = liveRules;
        this.recorder = recorder;
        this.json = json;
        this.validator = validator;
    }

    /** One item's outcome: its decision, or the problem that kept it from one. */
    public record Item(int index, Decision decision, Problem problem) {
    }

    public record Problem(int status, String field, String detail) {
    }

    public record Result(int count, int approved, int rejected, int invalid, List<Item> items) {
    }

    @Operation(summary = "Decide up to 1,000 applications: a JSON array, or JSON Lines (application/x-ndjson)")
    @PostMapping(path = "/api/v1/reviews/batch", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> batch(@RequestBody String body,
                                   @RequestHeader(value = "Content-Type", required = false) String contentType) {
        List<String> lines = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase();
        if (JSON_LINES.contains(type)) {
            body.lines().filter(line -> !line.isBlank()).forEach(lines::add);
        } else {
            JsonNode array;
            try {
                array = json.readTree(body);
            } catch (JsonProcessingException e) {
                return problem(HttpStatus.BAD_REQUEST, ProblemHandler.fieldError(e));
            }
            if (array == null || !array.isArray()) {
                return problem(HttpStatus.BAD_REQUEST, new Problems.FieldError("body",
                        "expected a JSON array of applications (or JSON Lines with Content-Type application/x-ndjson)"));
            }
            array.forEach(items::add);
        }
        int count = lines.isEmpty() ? items.size() : lines.size();
        if (count > MAX_ITEMS) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, new Problems.FieldError("body",
                    count + " applications; a batch takes at most " + MAX_ITEMS));
        }
        if (count == 0) {
            return problem(HttpStatus.BAD_REQUEST, new Problems.FieldError("body", "the batch is empty"));
        }
        Caller caller = Caller.current();
        Audit.record("batch review", count + " applications");
        List<Item> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            results.add(decide(i, lines.isEmpty() ? items.get(i) : null, lines.isEmpty() ? null : lines.get(i), caller));
        }
        int approved = (int) results.stream().filter(r -> r.decision() != null
                && r.decision().decision() == Decision.Outcome.APPROVE).count();
        int invalid = (int) results.stream().filter(r -> r.problem() != null).count();
        return ResponseEntity.ok(new Result(count, approved, count - approved - invalid, invalid, results));
    }

    private Item decide(int index, JsonNode node, String line, Caller caller) {
        try {
            JsonNode item = node != null ? node : json.readTree(line);
            ReviewRequest request = RequestReader.read(json, validator, item);
            return new Item(index, recorder.decide(request, () -> Engine.decide(liveRules.current(), request), caller),
                    null);
        } catch (JsonProcessingException e) {
            Problems.FieldError error = ProblemHandler.fieldError(e);
            return invalid(index, error.field(), error.message());
        } catch (InvalidApplicationException e) {
            return invalid(index, e.field(), e.getMessage());
        }
    }

    private static Item invalid(int index, String field, String detail) {
        return new Item(index, null, new Problem(400, field, detail));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, Problems.FieldError error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, "Invalid batch", error.field() + ": " + error.message(), List.of(error)));
    }
}
