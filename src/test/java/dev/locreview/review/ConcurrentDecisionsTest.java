package dev.locreview.review;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine decides at most two applications per core at once; the rest wait their turn. Many at once, and many
 * refused inside the engine first, must all be answered: a turn not given back would leave later requests waiting.
 */
class ConcurrentDecisionsTest extends HttpTestSupport {

    private static final int AT_ONCE = 48;
    private static final String REFUSED = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通-代驾\"]}";
    private static final String DECIDED = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
            + "\"reason\":\"用户叫代驾时，小程序获取用户当前精确位置作为接驾点，派单给附近的司机。\"}";

    @Test
    void manyAtOnceAreAllAnsweredEvenAfterManyRefusedInsideTheEngine() throws Exception {
        for (Reply reply : atOnce(REFUSED)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.raw()).contains("categories[0].level1");
        }
        Reply alone = as(REVIEWER_KEY, postJson("/api/v1/reviews", DECIDED));
        assertThat(alone.status()).isEqualTo(200);
        for (Reply reply : atOnce(DECIDED)) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().path("decision").asText()).isEqualTo(alone.body().path("decision").asText());
            assertThat(reply.body().path("clause").asText()).isEqualTo(alone.body().path("clause").asText());
            assertThat(reply.body().path("scenarios")).isEqualTo(alone.body().path("scenarios"));
        }
    }

    /** The body sent AT_ONCE times together (reviewer key: no rate limit), each waiting at most 30 s for its answer. */
    private List<Reply> atOnce(String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                replies.add(pool.submit(() -> as(REVIEWER_KEY, postJson("/api/v1/reviews", body)
                        .timeout(Duration.ofSeconds(30)))));
            }
            List<Reply> out = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                out.add(reply.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
