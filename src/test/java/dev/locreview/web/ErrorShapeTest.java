package dev.locreview.web;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever refuses a request (Spring MVC, the security firewall, Tomcat, the error page), the answer is
 * problem+json with the right status, never HTML or Spring's default error JSON.
 */
class ErrorShapeTest extends HttpTestSupport {

    private static final String REVIEW = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"]}";

    @Test
    void anUnsupportedMediaTypeIsA415Problem() {
        Reply reply = send(HttpRequest.newBuilder(uri("/api/v1/reviews")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(REVIEW)));
        assertProblem(reply.status(), reply.contentType(), reply.raw(), 415);
        assertThat(reply.body().path("field").asText()).isEqualTo("Content-Type");
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        String big = "{\"api\":\"wx.getLocation\",\"reason\":\"" + "x".repeat(200_000) + "\"}";
        Reply reply = post("/api/v1/reviews", big);
        assertProblem(reply.status(), reply.contentType(), reply.raw(), 413);
        assertThat(reply.body().path("field").asText()).isEqualTo("body");
        // without Content-Length: ReviewApiTest.aLargeBodyWithoutContentLengthIsRefusedToo
    }

    @Test
    void wrongMethodAndUnknownPathAreProblems() {
        Reply method = send(HttpRequest.newBuilder(uri("/api/v1/ping")).DELETE());
        assertProblem(method.status(), method.contentType(), method.raw(), 405);
        Reply missing = get("/api/v1/nothing-here");
        assertProblem(missing.status(), missing.contentType(), missing.raw(), 404);
    }

    @Test
    void theErrorPageAskedForDirectlyIsA404Problem() {
        Reply reply = get("/error");
        assertProblem(reply.status(), reply.contentType(), reply.raw(), 404);
        assertThat(reply.raw()).doesNotContain("999");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "double slash, /api/v1//reviews",
            "encoded dots, /api/v1/%2e%2e/v1/reviews",
            "semicolon, /api/v1/reviews;jsessionid=x",
            "encoded slash, /api/v1/reviews%2F1",
            "bad percent-encoding, /api/v1/%ZZ",
            "raw control character, /api/v1/a\u0001b",
            "backslash, /api/v1/a\\b"})
    void rejectedUrisAreA400Problem(String what, String path) throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\nHost: localhost", new byte[0]);
        assertProblem(reply.status(), reply.contentType(), reply.body(), 400);
    }

    @Test
    void aTooLongHeaderIsAProblem() throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(port, "GET /api/v1/ping HTTP/1.1\r\nHost: localhost\r\nX-Long: "
                + "a".repeat(20_000), new byte[0]);
        assertProblem(reply.status(), reply.contentType(), reply.body(), 400);
    }

    private static void assertProblem(int status, String contentType, String body, int expected) {
        assertThat(status).as(body).isEqualTo(expected);
        assertThat(contentType).as(body).startsWith("application/problem+json");
        assertThat(body).contains("\"status\":" + expected).contains("\"detail\":\"");
    }
}
