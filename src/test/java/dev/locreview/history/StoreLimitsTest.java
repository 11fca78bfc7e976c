package dev.locreview.history;

import java.net.http.HttpRequest;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's own database: health DOWN while it cannot write (503s, not 500s), and the daily storage cap. */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:locreview-store-limits;DB_CLOSE_DELAY=-1",
        "locreview.storage.precheck-bytes-per-day=30KB"})
class StoreLimitsTest extends HttpTestSupport {

    @Autowired
    JdbcTemplate db;

    private static final String APPLICATION = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
            + "\"reason\":\"用户酒后叫代驾，需要获取精确位置作为接驾点。%s\"}";

    @Test
    void healthGoesDownWhileTheStoreCannotWriteAndDecisionsAre503() {
        assertThat(as(REVIEWER_KEY, getRequest("/actuator/health")).body().path("components").path("store").path("status").asText())
                .isEqualTo("UP");
        db.execute("ALTER TABLE decision_record RENAME TO decision_record_away");
        try {
            Reply refused = as(REVIEWER_KEY, postJson("/api/v1/reviews", APPLICATION.formatted("")));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            Reply health = as(REVIEWER_KEY, getRequest("/actuator/health"));
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().path("components").path("store").path("status").asText()).isEqualTo("DOWN");

            Reply batch = as(REVIEWER_KEY, postJson("/api/v1/reviews/batch", "[" + APPLICATION.formatted("") + ","
                    + APPLICATION.formatted("") + "]"));
            assertThat(batch.status()).isEqualTo(200);
            assertThat(batch.body().path("failed").asInt()).isEqualTo(2);
            assertThat(batch.body().path("items").get(1).path("problem").path("status").asInt()).isEqualTo(503);
        } finally {
            db.execute("ALTER TABLE decision_record_away RENAME TO decision_record");
        }
        assertThat(as(REVIEWER_KEY, getRequest("/actuator/health")).body().path("components").path("store").path("status").asText())
                .isEqualTo("UP");
        assertThat(as(REVIEWER_KEY, postJson("/api/v1/reviews", APPLICATION.formatted(""))).status()).isEqualTo(200);
    }

    @Test
    void anAnonymousClientStoresAtMostItsDailyBytesAndReviewersAreNotLimited() {
        String filler = "详细说明。".repeat(300);
        int accepted = 0;
        Reply reply;
        while ((reply = post("/api/v1/reviews", APPLICATION.formatted(filler))).status() == 200) {
            accepted++;
            assertThat(accepted).as("never refused").isLessThan(100);
        }
        assertThat(accepted).isGreaterThan(2);
        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("field").asText()).isEqualTo("client");
        assertThat(reply.body().path("detail").asText()).contains("30720 bytes", "00:00 UTC");
        long stored = db.queryForObject("SELECT SUM(stored_bytes) FROM decision_record WHERE caller = 'anonymous'",
                Long.class);
        assertThat(stored).isBetween(30L * 1024, 30L * 1024 + 10_000);

        String key = UUID.randomUUID().toString();
        assertThat(as(REVIEWER_KEY, postJson("/api/v1/reviews", APPLICATION.formatted(filler))).status()).isEqualTo(200);
        assertThat(as(REVIEWER_KEY, HttpRequest.newBuilder(uri("/api/v1/reviews")).header("Content-Type",
                "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(APPLICATION.formatted(filler)))).status()).isEqualTo(200);
    }
}
