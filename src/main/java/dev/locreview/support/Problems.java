package dev.locreview.support;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/** RFC 9457 problem documents that name the field at fault. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** A field error: `field` is a JSON path into the request ("categories[1].level1", "body"). */
    public record FieldError(String field, String message) {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:locreview:problem:" + status.value()));
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).field());
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /**
     * For filters that answer before Spring MVC does — and so before the body was read: the connection closes
     * after the answer (the body is not drained), and says so, so a client does not send its next request on it.
     */
    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail, String field)
            throws IOException {
        response.setStatus(status.value());
        response.setHeader("Connection", "close");
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), Map.of(
                "type", "urn:locreview:problem:" + status.value(), "title", title, "status", status.value(),
                "detail", detail, "field", field, "errors", List.of(new FieldError(field, detail))));
    }
}
