package dev.locreview.security;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Anonymous pre-checks are rate-limited per client; a burst past the limit gets 429 with Retry-After. */
@TestPropertySource(properties = {"locreview.rate-limit.capacity=10", "locreview.rate-limit.period=1h"})
class RateLimitTest extends HttpTestSupport {

    private static final String BODY = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"]}";

    @Test
    void aBurstPastTheLimitIsRefusedWithRetryAfter() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            replies.add(pool.submit(() -> post("/api/v1/reviews", BODY)));
        }
        int ok = 0;
        int limited = 0;
        for (Future<Reply> f : replies) {
            Reply reply = f.get();
            if (reply.status() == 200) {
                ok++;
            } else {
                assertThat(reply.status()).isEqualTo(429);
                assertThat(reply.contentType()).startsWith("application/problem+json");
                limited++;
            }
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(10);
        assertThat(limited).isEqualTo(30);
        var retry = HTTP.send(postJson("/api/v1/reviews", BODY).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(retry.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(retry.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        // Reviewers are not limited.
        assertThat(as(REVIEWER_KEY, postJson("/api/v1/reviews", BODY)).status()).isEqualTo(200);
    }
}
