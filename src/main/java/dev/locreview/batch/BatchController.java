package dev.locreview.batch;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import dev.locreview.engine.Decision;
import dev.locreview.engine.Engine;
import dev.locreview.engine.ReviewRequest;
import dev.locreview.history.Idempotency;
import dev.locreview.history.Recorder;
import dev.locreview.history.StoreException;
import dev.locreview.history.StoreProblems;
import dev.locreview.rules.LiveRules;
import dev.locreview.security.Audit;
import dev.locreview.security.Caller;
import dev.locreview.support.InvalidApplicationException;
import dev.locreview.support.Problems;
import dev.locreview.web.ProblemHandler;
import dev.locreview.web.RequestReader;

/**
 * Batch review of a queue: a JSON array, or JSON Lines (one application per line). One result per item,
 * in order; a bad item gets its own problem and does not fail the others. Every decision is recorded.
 * <p>
 * Memory stays bounded whatever the queue: the body goes to a temporary file (refused past the limit),
 * a first pass counts the items and checks the JSON, so a batch is refused whole before anything is
 * decided; then items are read one at a time, each decided, stored and written out before the next.
 */
@RestController
@SecurityRequirement(name = "apiKey")
public class BatchController {

    public static final int MAX_ITEMS = 1000;
    private static final Set<String> JSON_LINES = Set.of("application/x-ndjson", "application/jsonl",
            "application/x-jsonlines", "application/jsonlines", "text/plain");

    /** The largest batch body (a thousand applications of a few KiB each fit in 4 MiB). */
    @ConfigurationProperties("locreview.batch")
    public record Limits(@DefaultValue("4MB") DataSize maxBody) {
    }

    private final Recorder recorder;
    private final LiveRules liveRules;
    private final ObjectMapper json;
    private final Validator validator;
    private final Limits limits;

    public BatchController(Recorder recorder, LiveRules liveRules, ObjectMapper json, Validator validator,
                           Limits limits) {
        this.liveRules = liveRules;
        this.recorder = recorder;
        this.json = json;
        this.validator = validator;
        this.limits = limits;
    }

    /** One item's outcome: its decision, or the problem that kept it from one. */
    public record Item(int index, @Schema(implementation = Decision.class) JsonNode decision, Problem problem) {
    }

    public record Problem(int status, String field, String detail) {
    }

    /** The response, written as it goes: items first, the counts once all are done. */
    public record Result(List<Item> items, int count, int approved, int rejected, int invalid,
                         @Schema(description = "Items not decided because the store failed; retry with the same"
                                 + " Idempotency-Key") int failed) {
    }

    @Operation(summary = "Decide up to 1,000 applications: a JSON array, or JSON Lines (application/x-ndjson)",
            description = "With an Idempotency-Key, a retry of the same body returns the decisions already stored"
                    + " (same decisionIds) and decides only the rest; the key with another body is a 422.")
    @ApiResponse(responseCode = "200", description = "One result per item, in order",
            content = @Content(schema = @Schema(implementation = Result.class)))
    @ApiResponse(responseCode = "413", description = "More than 1,000 items, or a body over the limit",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/api/v1/reviews/batch", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ProblemDetail> batch(HttpServletRequest http, HttpServletResponse response,
            @RequestHeader(value = "Content-Type", required = false) String contentType,
            @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey) throws IOException {
        long maxBody = limits.maxBody().toBytes();
        if (http.getContentLengthLong() > maxBody) {
            return tooLarge(http.getContentLengthLong() + " bytes", maxBody);
        }
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase();
        boolean lines = JSON_LINES.contains(type);
        Path spool = Files.createTempFile("locreview-batch", ".json");
        try {
            String hash = spool(http.getInputStream(), spool, maxBody);
            if (hash == null) {
                return tooLarge("more than " + maxBody + " bytes", maxBody);
            }
            int count;
            try {
                count = lines ? countLines(spool) : countArray(spool);
            } catch (JsonProcessingException e) {
                return problem(HttpStatus.BAD_REQUEST, ProblemHandler.fieldError(e));
            }
            if (count > MAX_ITEMS) {
                return problem(HttpStatus.PAYLOAD_TOO_LARGE, new Problems.FieldError("body",
                        count + " applications; a batch takes at most " + MAX_ITEMS));
            }
            if (count == 0) {
                return problem(HttpStatus.BAD_REQUEST, new Problems.FieldError("body", "the batch is empty"));
            }
            Caller caller = Caller.current();
            Idempotency idempotency = Idempotency.of(idempotencyKey, hash);
            Map<Integer, String> answered;
            try {
                answered = idempotency == null ? Map.of() : recorder.answered(caller, http.getRemoteAddr(), idempotency);
            } catch (StoreException e) {
                return StoreProblems.response(e);
            }
            Audit.record("batch review", count + " applications"
                    + (answered.isEmpty() ? "" : ", " + answered.size() + " already answered"));
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            try (Items items = lines ? new Lines(spool) : new ArrayItems(spool);
                 JsonGenerator out = json.getFactory().createGenerator(response.getOutputStream())) {
                write(out, items, count, caller, http.getRemoteAddr(), idempotency, answered);
            }
            return null;
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private void write(JsonGenerator out, Items items, int count, Caller caller, String address,
                       Idempotency idempotency, Map<Integer, String> answered) throws IOException {
        int approved = 0;
        int invalid = 0;
        int failed = 0;
        Problem storeDown = null;
        out.writeStartObject();
        out.writeArrayFieldStart("items");
        for (int i = 0; i < count; i++) {
            Read read = items.next();
            Item item;
            if (storeDown != null) {
                // once the store cannot write, each further item would wait for it in vain
                item = new Item(i, null, storeDown);
            } else if (answered.containsKey(i)) {
                item = new Item(i, recorder.stored(answered.get(i)), null);
            } else {
                item = decide(i, read, caller, address, idempotency == null ? null : idempotency.at(i));
                if (item.problem() != null && item.problem().status() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                    storeDown = new Problem(item.problem().status(), null, "not decided: the store stopped taking"
                            + " writes at item " + i + "; retry the batch with the same Idempotency-Key");
                }
            }
            if (item.decision() != null && Decision.Outcome.APPROVE.name().equals(item.decision().path("decision")
                    .asText())) {
                approved++;
            } else if (item.problem() != null && item.problem().status() == HttpStatus.BAD_REQUEST.value()) {
                invalid++;
            } else if (item.problem() != null) {
                failed++;
            }
            json.writeValue(out, item);
        }
        out.writeEndArray();
        out.writeNumberField("count", count);
        out.writeNumberField("approved", approved);
        out.writeNumberField("rejected", count - approved - invalid - failed);
        out.writeNumberField("invalid", invalid);
        out.writeNumberField("failed", failed);
        out.writeEndObject();
    }

    private Item decide(int index, Read read, Caller caller, String address, Idempotency idempotency) {
        if (read.unreadable() != null) {
            return invalid(index, read.unreadable().field(), read.unreadable().message());
        }
        try {
            ReviewRequest request = RequestReader.read(json, validator, read.node());
            return new Item(index, recorder.decide(request, () -> Engine.decide(liveRules.current(), request), caller,
                    address, idempotency), null);
        } catch (InvalidApplicationException e) {
            return invalid(index, e.field(), e.getMessage());
        } catch (StoreException e) {
            return new Item(index, null, new Problem(e.status().value(), e.field(), e.getMessage()));
        }
    }

    private static Item invalid(int index, String field, String detail) {
        return new Item(index, null, new Problem(400, field, detail));
    }

    /** Copies the body to the file; its SHA-256, or null when it is larger than the limit. */
    private static String spool(InputStream body, Path file, long limit) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[8192];
        long total = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The number of elements of the top-level array; the whole document is checked to be JSON. */
    private int countArray(Path file) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidBatch("expected a JSON array of applications (or JSON Lines with Content-Type"
                        + " application/x-ndjson)", parser);
            }
            int count = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                parser.skipChildren();
                count++;
            }
            if (parser.nextToken() != null) {
                throw new InvalidBatch("trailing content after the array", parser);
            }
            return count;
        }
    }

    private static int countLines(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return (int) reader.lines().filter(line -> !line.isBlank()).count();
        }
    }

    /** A batch that is not a JSON array: its problem names the body. */
    private static final class InvalidBatch extends JsonProcessingException {
        InvalidBatch(String message, JsonParser parser) {
            super(message, parser.currentLocation());
        }
    }

    /** The items of a spooled batch, one at a time. */
    private interface Items extends Closeable {
        Read next() throws IOException;
    }

    /** An item as read: its JSON, or why its JSON Lines line is not JSON (that item's own problem). */
    private record Read(JsonNode node, Problems.FieldError unreadable) {
    }

    private final class ArrayItems implements Items {
        private final JsonParser parser;

        ArrayItems(Path file) throws IOException {
            parser = json.getFactory().createParser(file.toFile());
            parser.nextToken();
        }

        @Override
        public Read next() throws IOException {
            parser.nextToken();
            // one element of the array; the rest of the array follows it, it is not trailing content
            return new Read(json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(parser),
                    null);
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    private final class Lines implements Items {
        private final BufferedReader reader;

        Lines(Path file) throws IOException {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }

        @Override
        public Read next() throws IOException {
            String line;
            do {
                line = reader.readLine();
            } while (line != null && line.isBlank());
            try {
                return new Read(json.readTree(line), null);
            } catch (JsonProcessingException e) {
                return new Read(null, ProblemHandler.fieldError(e));
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    private static ResponseEntity<ProblemDetail> tooLarge(String size, long limit) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, new Problems.FieldError("body", "the batch is " + size
                + "; at most " + limit + " bytes are accepted (locreview.batch.max-body)"));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, Problems.FieldError error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, "Invalid batch", error.field() + ": " + error.message(), List.of(error)));
    }
}
