package dev.locreview.policy;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.locreview.HttpTestSupport;
import dev.locreview.RulesFolder;

import static org.assertj.core.api.Assertions.assertThat;

/** With a time budget no run can meet, a reload and a preview are refused as over budget; the service answers on. */
class RuleBudgetTest extends HttpTestSupport {

    @DynamicPropertySource
    static void budget(DynamicPropertyRegistry registry) {
        registry.add("locreview.rules.time-budget", () -> "PT0.001S");
    }

    @Test
    void reloadAndPreviewOverTheTimeBudgetAreRefusedAndTheServiceStaysUp() {
        String live = get("/api/v1/rules").body().path("version").asText();
        String driving = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],\"scenarios\":[\"DESIGNATED_DRIVING\"]}";
        as(REVIEWER_KEY, postJson("/api/v1/reviews/batch", "[" + String.join(",", java.util.Collections.nCopies(50,
                driving)) + "]"));

        Reply reload = as(RULES_ADMIN_KEY, postJson("/api/v1/rules/reload", ""));
        assertThat(reload.status()).as(reload.raw()).isEqualTo(422);
        assertThat(reload.body().path("problems").toString()).contains("rule set exceeded its time budget");

        Reply preview = as(RULES_ADMIN_KEY, HttpRequest.newBuilder(uri("/api/v1/rules/preview"))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(RulesFolder.zip(RulesFolder.copy()))));
        assertThat(preview.status()).as(preview.raw()).isEqualTo(422);
        assertThat(preview.contentType()).startsWith("application/problem+json");
        assertThat(preview.body().path("detail").asText()).contains("rule set exceeded its time budget");

        Reply decided = post("/api/v1/reviews", driving);
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body().path("rulesVersion").asText()).isEqualTo(live);
    }
}
