package dev.locreview.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.locreview.support.Problems;

/**
 * Tomcat's error report for what never reaches the application (a URI Tomcat cannot decode, a header
 * too large): problem+json instead of an HTML page with the server's version.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String message = response.getMessage();
        String reason = StringManager.getManager(ErrorReportValve.class).getString("http." + status + ".reason");
        String title = reason == null || reason.startsWith("Cannot find message") ? "Error " + status : reason;
        String detail = status < 500 && message != null && !message.isBlank() ? message : title;
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("type", "urn:locreview:problem:" + status, "title", title,
                    "status", status, "detail", detail));
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already committed: nothing more to say
        }
    }
}
