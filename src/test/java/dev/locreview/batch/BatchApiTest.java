package dev.locreview.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import dev.locreview.HttpTestSupport;

/** Batch review: one result per item in order, bad items on their own, JSON Lines, limits, reviewers only. */
class BatchApiTest extends HttpTestSupport {

    private static final String GOOD = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
            + "\"scenarios\":[\"DESIGNATED_DRIVING\"]}";
    private static final String REJECTED = "{\"api\":\"wx.onLocationChange\",\"categories\":[\"新闻资讯-综合资讯\"]}";

    @Test
    void aBadItemGetsItsOwnProblemAndTheOthersAreDecided() {
        String body = "[" + GOOD + ",{\"api\":\"wx.nope\",\"categories\":[\"交通服务-代驾\"]}," + REJECTED
                + ",{\"categories\":[\"交通服务-代驾\"]},\"not an object\"]";
        Reply reply = as(REVIEWER_KEY, postJson("/api/v1/reviews/batch", body));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body().path("count").asInt()).isEqualTo(5);
        assertThat(reply.body().path("approved").asInt()).isEqualTo(1);
        assertThat(reply.body().path("rejected").asInt()).isEqualTo(1);
        assertThat(reply.body().path("invalid").asInt()).isEqualTo(3);
        var items = reply.body().path("items");
        assertThat(items.get(0).path("decision").path("decision").asText()).isEqualTo("APPROVE");
        assertThat(items.get(1).path("problem").path("field").asText()).isEqualTo("api");
        assertThat(items.get(2).path("decision").path("clause").asText()).isEqualTo("R3");
        assertThat(items.get(3).path("problem").path("field").asText()).isEqualTo("api");
        assertThat(items.get(4).path("problem").path("field").asText()).isEqualTo("body");
        String id = items.get(0).path("decision").path("decisionId").asText();
        assertThat(as(REVIEWER_KEY, getRequest("/api/v1/reviews/" + id)).body().path("mode").asText())
                .isEqualTo("REVIEW");
    }

    @Test
    void jsonLinesQueuesAreAccepted() {
        String body = GOOD + "\n\n" + REJECTED + "\n{broken json\n";
        Reply reply = as(REVIEWER_KEY, HttpRequest.newBuilder(uri("/api/v1/reviews/batch"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body().path("count").asInt()).isEqualTo(3);
        assertThat(reply.body().path("items").get(2).path("problem").path("field").asText()).isEqualTo("body");
    }

    @Test
    void overOneThousandIsRefused() {
        String body = "[" + (GOOD + ",").repeat(1000) + GOOD + "]";
        Reply reply = as(REVIEWER_KEY, postJson("/api/v1/reviews/batch", body));
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBatchIsForReviewersOnly() {
        assertThat(post("/api/v1/reviews/batch", "[" + GOOD + "]").status()).isEqualTo(401);
        assertThat(as(REVIEWER_KEY, postJson("/api/v1/reviews/batch", "{\"api\":1}")).status()).isEqualTo(400);
    }
}
