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

/**
 * Base for tests that talk to the running service over real HTTP, as a client would. The store is an
 * in-memory H2 shared by the test classes (so no storage cap for the one client they all are); three keys
 * exist: a reviewer's (written without a role, as older key files are), a developer's (no REVIEWER role) and a
 * rules admin's (RULES_ADMIN only).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:locreview-test;DB_CLOSE_DELAY=-1",
        "locreview.rate-limit.capacity=1000000",
        "locreview.storage.precheck-bytes-per-day=1GB",
        "locreview.security.keys[0].name=test-reviewer",
        "locreview.security.keys[0].sha256=4487893e028f8d97c72ceed852ce18c008b073864dda6a094158a6955e523fb1",
        "locreview.security.keys[1].name=test-developer",
        "locreview.security.keys[1].sha256=a7d79680cfa9fd82a93b9908e6d1515d5fef62dd3b3baa88fd87ca3cfd8a8274",
        "locreview.security.keys[1].roles=DEVELOPER",
        "locreview.security.keys[2].name=test-rules-admin",
        "locreview.security.keys[2].sha256=e0d31e45be1679ac129bf469faf964e7e0a33dd16e8844435408ce57feb7205a",
        "locreview.security.keys[2].roles=RULES_ADMIN"})
public abstract class HttpTestSupport {

    protected static final String REVIEWER_KEY = "lr_test-reviewer-key";
    protected static final String DEVELOPER_KEY = "lr_test-developer-key";
    protected static final String RULES_ADMIN_KEY = "lr_test-rules-admin-key";

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

    /** A request as the given key's holder. */
    protected Reply as(String key, HttpRequest.Builder request) {
        return send(request.header("X-API-Key", key));
    }

    protected HttpRequest.Builder postJson(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    protected HttpRequest.Builder getRequest(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /**
     * Sends once more on a new connection when the first attempt got no response at all: the client may reuse a
     * kept-alive connection in the moment the server closes it, or still be writing a body the server refused
     * without reading (max-swallow-size 0) when it closes. A request that gets no response twice fails.
     */
    protected static HttpResponse<String> sendRetryingDroppedConnection(HttpRequest request)
            throws IOException, InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException dropped) {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    protected Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = sendRetryingDroppedConnection(request.build());
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
