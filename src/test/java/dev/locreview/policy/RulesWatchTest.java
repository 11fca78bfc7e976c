package dev.locreview.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.locreview.HttpTestSupport;
import dev.locreview.RulesFolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The opt-in watch: a saved change under the rules folder is reloaded without a request. */
class RulesWatchTest extends HttpTestSupport {

    static final Path RULES = RulesFolder.copy();

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        registry.add("locreview.rules-dir", RULES::toString);
        // A store of its own: what this test activates must not become the other test contexts' rule set.
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:locreview-rules-watch;DB_CLOSE_DELAY=-1");
        registry.add("locreview.rules-watch", () -> "true");
    }

    @Test
    void aSavedChangeIsReloaded() throws Exception {
        String before = get("/api/v1/rules").body().path("version").asText();
        Files.writeString(RULES.resolve("reading/cues.yaml"), "\n# reviewed\n", StandardOpenOption.APPEND);
        String after = before;
        for (int i = 0; i < 100 && after.equals(before); i++) {
            Thread.sleep(100);
            after = get("/api/v1/rules").body().path("version").asText();
        }
        assertThat(after).isNotEqualTo(before);
        assertThat(post("/api/v1/reviews", "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"]}").body()
                .path("rulesVersion").asText()).isEqualTo(after);
    }
}
