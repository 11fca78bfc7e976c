package dev.locreview.web;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.locreview.support.InvalidApplicationException;
import dev.locreview.support.JsonConfig;
import dev.locreview.support.NotFoundException;
import dev.locreview.support.Problems;

/** Every client error becomes a 400 problem+json that names the field; nothing a client sends is a 500. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidApplicationException.class)
    ResponseEntity<ProblemDetail> invalidApplication(InvalidApplicationException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid application", e.field() + ": " + e.getMessage(),
                List.of(new Problems.FieldError(e.field(), e.getMessage())));
        if (!e.suggestions().isEmpty()) {
            problem.setProperty("suggestions", e.suggestions());
        }
        return problem(problem);
    }

    @ExceptionHandler(dev.locreview.policy.RuleSetException.class)
    ResponseEntity<ProblemDetail> badRuleSet(dev.locreview.policy.RuleSetException e) {
        return problem(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Rule set refused", e.getMessage(),
                List.of(new Problems.FieldError("body", e.getMessage()))));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of()));
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "Invalid parameter", e.getName() + ": wrong type",
                List.of(new Problems.FieldError(e.getName(), "wrong type: expected "
                        + (e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName())))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new Problems.FieldError(jsonPath(error.getField()), error.getDefaultMessage()));
        }
        errors.sort(java.util.Comparator.comparing(Problems.FieldError::field));
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return cast(problem(Problems.of(HttpStatus.BAD_REQUEST, "Invalid application", detail, errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        Problems.FieldError error = fieldError(e);
        return cast(problem(Problems.of(status(e), "Unreadable request body",
                error.field() + ": " + error.message(), List.of(error))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(@NonNull HttpMediaTypeNotSupportedException e,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        String detail = "Content-Type " + (e.getContentType() == null ? "missing" : "'" + e.getContentType() + "'")
                + " is not accepted here; use " + e.getSupportedMediaTypes();
        return cast(problem(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", detail,
                List.of(new Problems.FieldError("Content-Type", detail)))));
    }

    /** Spring's own refusals (405, 404, 406, …) in the same problem shape as ours. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(java.net.URI.create("urn:locreview:problem:" + status.value()));
            }
            HttpHeaders withType = new HttpHeaders();
            withType.putAll(headers);
            withType.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(body, withType, status);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** A body that could not be read: too large (413), too slow (408), or not a valid document (400). */
    private static HttpStatus status(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LimitedBodyRequest.BodyTooLargeException) {
                return HttpStatus.PAYLOAD_TOO_LARGE;
            }
            if (cause instanceof LimitedBodyRequest.BodyTooSlowException
                    || cause instanceof java.net.SocketTimeoutException) {
                return HttpStatus.REQUEST_TIMEOUT;
            }
        }
        return HttpStatus.BAD_REQUEST;
    }

    /** A body the handler reads itself (a batch is spooled to a file): too large, too slow, or not UTF-8. */
    @ExceptionHandler({LimitedBodyRequest.BodyTooLargeException.class, LimitedBodyRequest.BodyTooSlowException.class,
            LimitedBodyRequest.InvalidUtf8Exception.class, java.net.SocketTimeoutException.class})
    ResponseEntity<ProblemDetail> unreadableBody(java.io.IOException e) {
        Problems.FieldError error = fieldError(e);
        return problem(Problems.of(status(e), "Unreadable body", error.message(), List.of(error)));
    }

    /** The firewall's checks of parameters run when they are first read, inside a handler. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        return problem(Problems.of(HttpStatus.BAD_REQUEST, "Request rejected", e.getMessage(), List.of()));
    }

    /** Anything else is our fault, not the client's; logged, and answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the service failed to decide this request; it has been logged", List.of()));
    }

    /** The field a JSON reading failure is about, and what was wrong with it, in a client's words. */
    public static Problems.FieldError fieldError(Throwable failure) {
        Throwable cause = failure;
        JsonMappingException mapping = null;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof JsonMappingException m && mapping == null) {
                mapping = m;
            }
            cause = cause.getCause();
        }
        if (cause instanceof JsonMappingException m && mapping == null) {
            mapping = m;
        }
        if (cause instanceof LimitedBodyRequest.BodyTooLargeException
                || cause instanceof LimitedBodyRequest.BodyTooSlowException
                || cause instanceof LimitedBodyRequest.InvalidUtf8Exception) {
            return new Problems.FieldError("body", cause.getMessage());
        }
        if (cause instanceof java.net.SocketTimeoutException) {
            return new Problems.FieldError("body", "the body stopped arriving");
        }
        if (cause instanceof JsonConfig.MalformedTextException text) {
            return new Problems.FieldError(path(text), text.getOriginalMessage());
        }
        if (cause instanceof StreamConstraintsException) {
            return new Problems.FieldError("body", "the document is too deeply nested or too long (at most "
                    + JsonConfig.MAX_DEPTH + " levels)");
        }
        if (cause instanceof JsonParseException parse && parse.getOriginalMessage().startsWith("Duplicate field")
                && parse.getProcessor() != null) {
            return new Problems.FieldError(path(parse.getProcessor().getParsingContext()), "duplicate key: "
                    + "each field may appear once");
        }
        if (cause instanceof JsonParseException parse) {
            return new Problems.FieldError("body", "malformed JSON at line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr() + ": " + parse.getOriginalMessage());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new Problems.FieldError(path(unknown), "unknown field; known fields are "
                    + unknown.getKnownPropertyIds());
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            if (field.equals("body")) {
                return new Problems.FieldError("body", "expected a JSON object with the application's fields");
            }
            String expected = mismatch.getTargetType() == null ? "another type"
                    : describe(mismatch.getTargetType());
            return new Problems.FieldError(field, "wrong type: expected " + expected);
        }
        if (mapping != null) {
            return new Problems.FieldError(path(mapping), cause.getMessage());
        }
        if (cause instanceof JsonProcessingException json) {
            return new Problems.FieldError("body", json.getOriginalMessage());
        }
        return new Problems.FieldError("body", "a JSON object with the application is required");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.getSimpleName().equals("CategoryRef")) {
            return "a string \"一级-二级\" or an object {level1, level2, level3}";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Where the parser stands, as a JSON path: "categories[0].level1", "[3].api". */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            String separator = path.isEmpty() || path.charAt(0) == '[' ? "" : ".";
            if (at.inArray()) {
                path.insert(0, "[" + at.getCurrentIndex() + "]" + separator);
            } else if (at.getCurrentName() != null) {
                path.insert(0, at.getCurrentName() + separator);
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Bean Validation writes "categories[0].level1" already; list elements come as "scenarios[2].<list element>". */
    private static String jsonPath(String field) {
        return field.replace(".<list element>", "");
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> cast(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }
}
