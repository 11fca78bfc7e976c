package dev.locreview.web;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import dev.locreview.engine.ReviewRequest;
import dev.locreview.support.InvalidApplicationException;
import dev.locreview.support.Problems;

/**
 * Reads one application from JSON outside Spring MVC (batch items, casebook files), with the same
 * checks and the same field names in its errors as the HTTP endpoint.
 */
public final class RequestReader {

    private RequestReader() {
    }

    public static ReviewRequest read(ObjectMapper json, Validator validator, JsonNode node) {
        ReviewRequest request;
        try {
            request = json.treeToValue(node, ReviewRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Problems.FieldError error = ProblemHandler.fieldError(e);
            throw new InvalidApplicationException(error.field(), error.message(), List.of());
        }
        if (request == null) {
            throw new InvalidApplicationException("body", "expected an application object", List.of());
        }
        for (ConstraintViolation<ReviewRequest> violation : validator.validate(request)) {
            throw new InvalidApplicationException(violation.getPropertyPath().toString().replace(".<list element>", ""),
                    violation.getMessage(), List.of());
        }
        return request;
    }
}
