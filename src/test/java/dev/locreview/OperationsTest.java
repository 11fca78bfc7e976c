package dev.locreview;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import static org.assertj.core.api.Assertions.assertThat;

/** Health with the rule set (details for reviewers), Prometheus metrics of decisions, and the OpenAPI document. */
@AutoConfigureObservability
class OperationsTest extends HttpTestSupport {

    @Test
    void healthReportsTheRuleSetToReviewersOnly() {
        Reply anonymous = get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().size()).as(anonymous.raw()).isEqualTo(1);
        assertThat(anonymous.body().path("status").asText()).isEqualTo("UP");
        assertThat(as(DEVELOPER_KEY, getRequest("/actuator/health")).body().has("components")).isFalse();
        Reply health = as(REVIEWER_KEY, getRequest("/actuator/health"));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("components").path("rules").path("status").asText()).isEqualTo("UP");
        assertThat(health.body().path("components").path("rules").path("details").path("version").asText())
                .isEqualTo(get("/api/v1/rules").body().path("version").asText());
    }

    @Test
    void prometheusCountsDecisionsByOutcomeApiAndClause() {
        post("/api/v1/reviews", "{\"api\":\"wx.onLocationChange\",\"categories\":[\"新闻资讯-综合资讯\"]}");
        assertThat(get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(get("/actuator/metrics/jvm.memory.used").status()).isEqualTo(401);
        assertThat(as(DEVELOPER_KEY, getRequest("/actuator/prometheus")).status()).isEqualTo(403);
        assertThat(as(REVIEWER_KEY, getRequest("/actuator/metrics")).status()).isEqualTo(200);
        Reply metrics = as(REVIEWER_KEY, getRequest("/actuator/prometheus"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).containsPattern("locreview_decisions_total\\{[^}]*clause=\"R3\"[^}]*outcome=\"REJECT\"");
        assertThat(metrics.raw()).contains("locreview_decision_latency_seconds_bucket");
    }

    @Test
    void theOpenApiDocumentDescribesTheRealSchemasAndErrors() {
        Reply docs = get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        String text = docs.raw();
        assertThat(text).contains("/api/v1/reviews", "/api/v1/reviews/batch", "/api/v1/rules/reload",
                "/api/v1/vocabulary", "ReviewRequest", "Decision", "application/problem+json", "X-API-Key");
        assertThat(get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void rulesListingShowsClauseFileAndFireCounts() {
        post("/api/v1/reviews", "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
                + "\"scenarios\":[\"DESIGNATED_DRIVING\"]}");
        Reply rules = get("/api/v1/rules");
        boolean gl1Fired = false;
        for (var rule : rules.body().path("rules")) {
            assertThat(rule.path("clause").asText()).isNotBlank();
            assertThat(rule.path("file").asText()).matches(".*\\.drl|data/grants\\.yaml");
            if (rule.path("clause").asText().equals("GL1") && rule.path("fireCount").asLong() > 0) {
                gl1Fired = true;
            }
        }
        assertThat(gl1Fired).isTrue();
    }
}
