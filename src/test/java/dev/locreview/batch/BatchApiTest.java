package dev.locreview.batch;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

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
    void aBodyOverTheLimitIsA413BeforeAnythingIsDecided() {
        String item = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],\"reason\":\"" + "代驾".repeat(1000)
                + "\"}\n";
        String body = item.repeat(4 * 1024 * 1024 / item.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1);
        Reply reply = as(REVIEWER_KEY, HttpRequest.newBuilder(uri("/api/v1/reviews/batch"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("field").asText()).isEqualTo("body");
    }

    @Test
    void aThousandLargeItemsJustUnderTheLimitAreDecidedAndStreamedInOrder() {
        String item = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],\"reason\":\""
                + "用户叫代驾，需要精确位置接驾。".repeat(90) + "\"}\n";
        String body = item.repeat(1000);
        assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isBetween(4_000_000, 4 * 1024 * 1024);
        Reply reply = as(REVIEWER_KEY, HttpRequest.newBuilder(uri("/api/v1/reviews/batch"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(reply.status()).as(reply.raw().substring(0, Math.min(500, reply.raw().length()))).isEqualTo(200);
        assertThat(reply.body().path("count").asInt()).isEqualTo(1000);
        assertThat(reply.body().path("approved").asInt()).isEqualTo(1000);
        assertThat(reply.body().path("items").get(999).path("index").asInt()).isEqualTo(999);
    }

    @Test
    void aRetriedBatchWithTheSameKeyGetsTheStoredAnswersAndStoresNothingNew() {
        String key = java.util.UUID.randomUUID().toString();
        String appId = "wx" + key.substring(0, 8);
        String body = "[" + GOOD.replace("}", ",\"appId\":\"" + appId + "\"}") + ",{\"api\":\"wx.nope\"},"
                + REJECTED.replace("}", ",\"appId\":\"" + appId + "\"}") + "]";
        Reply first = batch(key, body);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        Reply again = batch(key, body);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().path("items").findValuesAsText("decisionId"))
                .hasSize(2).isEqualTo(first.body().path("items").findValuesAsText("decisionId"));
        assertThat(again.body().path("items").get(0).path("decision"))
                .isEqualTo(first.body().path("items").get(0).path("decision"));
        assertThat(again.body().path("items").get(1).path("problem").path("field").asText()).isEqualTo("categories");
        assertThat(as(REVIEWER_KEY, getRequest("/api/v1/reviews?appId=" + appId)).body().path("total").asInt())
                .isEqualTo(2);

        Reply other = batch(key, "[" + GOOD + "]");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.body().path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(batch(java.util.UUID.randomUUID().toString(), body).body().path("items")
                .findValuesAsText("decisionId")).doesNotContainAnyElementsOf(first.body().path("items")
                .findValuesAsText("decisionId"));
    }

    @Test
    void aBatchRetriedAfterPartOfItWasStoredDecidesOnlyTheRest() {
        String key = java.util.UUID.randomUUID().toString();
        String body = "[" + GOOD + "," + REJECTED + "]";
        Reply single = as(REVIEWER_KEY, postJson("/api/v1/reviews", GOOD).header("Idempotency-Key", key));
        assertThat(single.status()).isEqualTo(200);
        // a single review under the key is another body than the batch
        assertThat(batch(key, body).status()).isEqualTo(422);
        Reply again = as(REVIEWER_KEY, postJson("/api/v1/reviews", GOOD).header("Idempotency-Key", key));
        assertThat(again.raw()).isEqualTo(single.raw());
        assertThat(as(REVIEWER_KEY, postJson("/api/v1/reviews", REJECTED).header("Idempotency-Key", key)).status())
                .isEqualTo(422);
    }

    private Reply batch(String key, String body) {
        return as(REVIEWER_KEY, postJson("/api/v1/reviews/batch", body).header("Idempotency-Key", key));
    }

    @Test
    void aBatchIsForReviewersOnly() {
        assertThat(post("/api/v1/reviews/batch", "[" + GOOD + "]").status()).isEqualTo(401);
        assertThat(as(REVIEWER_KEY, postJson("/api/v1/reviews/batch", "{\"api\":1}")).status()).isEqualTo(400);
    }
}
