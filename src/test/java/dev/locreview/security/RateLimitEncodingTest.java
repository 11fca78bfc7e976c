package dev.locreview.security;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The limit is on the pre-check handler, whatever spelling of its path reaches it; other keys are never limited. */
@TestPropertySource(properties = {"locreview.rate-limit.capacity=5", "locreview.rate-limit.period=1h"})
class RateLimitEncodingTest extends HttpTestSupport {

    private static final String BODY = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"]}";

    @Test
    void percentEncodedPathsAreLimitedLikeThePlainOne() {
        int accepted = 0;
        for (String path : new String[] {"/api/v1/review%73", "/%61pi/v1/reviews", "/api/v1/reviews"}) {
            for (int i = 0; i < 5; i++) {
                Reply reply = post(path, BODY);
                if (reply.status() == 200) {
                    accepted++;
                } else {
                    assertThat(reply.status()).as("%s: %s", path, reply.raw()).isEqualTo(429);
                    assertThat(reply.contentType()).startsWith("application/problem+json");
                }
            }
        }
        assertThat(accepted).isEqualTo(5);
        assertThat(post("/api/v1/review%73", BODY).status()).isEqualTo(429);
        assertThat(post("/%61pi/v1/reviews", BODY).status()).isEqualTo(429);
        // A key of another role is not limited.
        for (int i = 0; i < 10; i++) {
            assertThat(as(DEVELOPER_KEY, postJson("/api/v1/review%73", BODY)).status()).isEqualTo(200);
        }
    }
}
