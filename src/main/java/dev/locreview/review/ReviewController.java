package dev.locreview.review;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import dev.locreview.engine.Decision;
import dev.locreview.engine.Engine;
import dev.locreview.engine.ReviewRequest;
import dev.locreview.history.Idempotency;
import dev.locreview.history.Recorder;
import dev.locreview.rules.LiveRules;
import dev.locreview.security.Caller;
import dev.locreview.security.RateLimited;

@RestController
@RequestMapping("/api/v1/reviews")
public class ReviewController {

    private final Recorder recorder;
    private final LiveRules liveRules;

    public ReviewController(Recorder recorder, LiveRules liveRules) {
        this.recorder = recorder;
        this.liveRules = liveRules;
    }

    @Operation(summary = "Decide one application: anonymous callers pre-check (rate-limited), reviewers review",
            description = "Every decision is stored before it is returned; reviewers find it in GET /api/v1/reviews.")
    @ApiResponse(responseCode = "200", description = "The decision (with an Idempotency-Key already answered, the"
            + " stored one)", content = @Content(schema = @Schema(implementation = Decision.class)))
    @ApiResponse(responseCode = "429", description = "Too many anonymous pre-checks from this client; see Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "400", description = "Invalid application; the problem names the field",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = org.springframework.http.ProblemDetail.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @RateLimited
    public JsonNode review(@Valid @RequestBody ReviewRequest request,
                           @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
                           HttpServletRequest http) {
        return recorder.review(request, () -> Engine.decide(liveRules.current(), request), Caller.current(),
                http.getRemoteAddr(), idempotencyKey);
    }
}
