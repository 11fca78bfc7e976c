package dev.locreview;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Base for tests that talk to the running service over real HTTP, as a client would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpTestSupport {

    protected static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected ObjectMapper json;

    public record Reply(int status, String contentType, JsonNode body, String raw) {
    }

    protected Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected Reply post(String path, JsonNode body) {
        return post(path, body.toString());
    }

    protected Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = json.readTree(response.body());
            } catch (IOException notJson) {
                // left null: the raw text is kept for the assertion message
            }
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
