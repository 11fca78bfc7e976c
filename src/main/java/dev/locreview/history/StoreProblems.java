package dev.locreview.history;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.locreview.support.Problems;

/** A decision that was not stored is answered as problem+json with its own status, before the catch-all 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StoreProblems {

    @ExceptionHandler(StoreException.class)
    ResponseEntity<ProblemDetail> notStored(StoreException e) {
        return response(e);
    }

    public static ProblemDetail problem(StoreException e) {
        return Problems.of(e.status(), e.title(), e.getMessage(),
                e.field() == null ? List.of() : List.of(new Problems.FieldError(e.field(), e.getMessage())));
    }

    public static ResponseEntity<ProblemDetail> response(StoreException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        return response.body(problem(e));
    }
}
