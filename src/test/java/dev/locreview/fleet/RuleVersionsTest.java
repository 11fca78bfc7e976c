package dev.locreview.fleet;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.locreview.HttpTestSupport;
import dev.locreview.RulesFolder;
import dev.locreview.cli.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule set versions on the zero-setup store (H2, one instance): upload (the reload's pipeline), list,
 * activate, roll back, over HTTP and from the command line; and an activation this instance cannot load leaves the last good set answering, said
 * in the health.
 */
class RuleVersionsTest extends HttpTestSupport {

    private static final String DRIVING = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
            + "\"scenarios\":[\"DESIGNATED_DRIVING\"]}";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        // A store of its own: what this test activates must not become the other test contexts' rule set.
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:locreview-rule-versions;DB_CLOSE_DELAY=-1");
        registry.add("locreview.fleet.poll-interval", () -> "200ms");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anUploadIsValidatedAndStoredAndAnswersOnlyOnceActivatedAndARollbackActivatesTheEarlierVersion() throws Exception {
        Reply listed = as(RULES_ADMIN_KEY, getRequest("/api/v1/rules/versions"));
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        String seed = listed.body().path("active").path("version").asText();
        assertThat(seed).isEqualTo(listed.body().path("live").asText()).hasSize(16);
        assertThat(as(REVIEWER_KEY, getRequest("/api/v1/rules/versions")).status()).isEqualTo(403);
        assertThat(get("/api/v1/rules/versions").status()).isEqualTo(401);

        Path broken = RulesFolder.copy();
        Files.writeString(broken.resolve("10-getlocation.drl"), "\nrule \"broken\"\nwhen\n    Application( \nthen\nend\n",
                StandardOpenOption.APPEND);
        Reply refused = upload(broken, RULES_ADMIN_KEY);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("problems").toString()).containsPattern("10-getlocation.drl:\\d+");
        assertThat(as(REVIEWER_KEY, postJson("/api/v1/reviews", DRIVING)).status()).isEqualTo(200);

        Path good = RulesFolder.copy();
        Files.writeString(good.resolve("10-getlocation.drl"), "\n// reviewed for the fleet\n", StandardOpenOption.APPEND);
        assertThat(upload(good, REVIEWER_KEY).status()).as("a reviewer may not upload").isEqualTo(403);
        Reply uploaded = upload(good, RULES_ADMIN_KEY);
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
        String next = uploaded.body().path("version").asText();
        assertThat(next).hasSize(16).isNotEqualTo(seed);
        assertThat(upload(good, RULES_ADMIN_KEY).body().path("added").asBoolean()).as("the same content again")
                .isFalse();
        JsonNode versions = as(RULES_ADMIN_KEY, getRequest("/api/v1/rules/versions")).body().path("versions");
        assertThat(versions.findValuesAsText("version")).startsWith(next).contains(seed);
        assertThat(versions.get(0).path("uploadedBy").asText()).isEqualTo("test-rules-admin");
        assertThat(versions.get(0).path("active").asBoolean()).isFalse();
        assertThat(rulesVersion()).as("stored, not yet active").isEqualTo(seed);

        assertThat(activate("0123456789abcdef").status()).isEqualTo(404);
        Reply activated = activate(next);
        assertThat(activated.status()).as(activated.raw()).isEqualTo(200);
        assertThat(activated.body().path("liveVersion").asText()).isEqualTo(next);
        assertThat(rulesVersion()).isEqualTo(next);
        assertThat(get("/api/v1/rules").body().path("version").asText()).isEqualTo(next);

        assertThat(activate(seed).status()).isEqualTo(200);
        assertThat(rulesVersion()).as("rolled back").isEqualTo(seed);
        JsonNode listing = as(RULES_ADMIN_KEY, getRequest("/api/v1/rules/versions")).body();
        assertThat(listing.path("activations").findValuesAsText("version")).startsWith(seed, next, seed);
        assertThat(listing.path("activations").get(0).path("activatedBy").asText()).isEqualTo("test-rules-admin");
    }

    @Test
    void anActivationThatDoesNotLoadHereLeavesTheLastGoodSetAnsweringAndSaysSo() throws Exception {
        String live = rulesVersion();
        // As another instance would leave it: an active version whose bundle this instance cannot load.
        String bad = "badbadbadbadbad0";
        jdbc.update("INSERT INTO rule_set_version (version, bundle, rule_count, uploaded_by, uploaded_at) "
                + "VALUES (?, ?, 1, 'elsewhere', ?)", bad, "not a zip".getBytes(), Timestamp.from(Instant.now()));
        jdbc.update("INSERT INTO rule_set_activation (version, activated_by, activated_at) VALUES (?, 'elsewhere', ?)",
                bad, Timestamp.from(Instant.now()));
        JsonNode rules = null;
        for (int i = 0; i < 50; i++) {
            rules = as(REVIEWER_KEY, getRequest("/actuator/health")).body().path("components").path("rules");
            // The instance first sees the activation, then fails to load it: wait for both to show.
            if (rules.path("details").path("activeVersion").asText().equals(bad)
                    && rules.path("details").path("lastReloadFailure").path("version").asText().equals(bad)) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(rules.path("status").asText()).isEqualTo("UP");
        JsonNode details = rules.path("details");
        assertThat(details.path("activeVersion").asText()).isEqualTo(bad);
        assertThat(details.path("version").asText()).isEqualTo(live);
        assertThat(details.path("answeringWithActive").asBoolean()).isFalse();
        assertThat(details.path("lastReloadFailure").path("version").asText()).isEqualTo(bad);
        assertThat(details.path("lastReloadFailure").path("problems").toString()).contains("zip");
        assertThat(rulesVersion()).as("the last good set answers").isEqualTo(live);

        assertThat(activate(live).status()).as("a good activation ends it").isEqualTo(200);
        assertThat(as(REVIEWER_KEY, getRequest("/actuator/health")).body().path("components").path("rules")
                .path("details").path("answeringWithActive").asBoolean()).isTrue();
    }

    @Test
    void theCommandLineUploadsActivatesAndRollsBackAgainstTheConfiguredStore() throws Exception {
        String store = "--spring.datasource.url=jdbc:h2:mem:locreview-rule-versions;DB_CLOSE_DELAY=-1";
        String before = rulesVersion();
        Path folder = RulesFolder.copy();
        Files.writeString(folder.resolve("30-rejections.drl"), "\n// from the command line\n", StandardOpenOption.APPEND);
        CliRun uploaded = CliRun.of("rules", "upload", folder.toString(), "--activate", store);
        assertThat(uploaded.exit()).as(uploaded.out()).isZero();
        Matcher version = Pattern.compile("stored version ([0-9a-f]{16})").matcher(uploaded.out());
        assertThat(version.find()).as(uploaded.out()).isTrue();
        String next = version.group(1);
        awaitVersion(next);
        assertThat(CliRun.of("rules", "versions", store).out()).contains("* " + next);

        assertThat(CliRun.of("rules", "activate", "0123456789abcdef", store).exit()).isEqualTo(1);
        assertThat(CliRun.of("rules", "activate", before, store).exit()).isZero();
        awaitVersion(before);
    }

    /** This instance answers with the version within 5 s (it polls the H2 store every 200 ms here). */
    private void awaitVersion(String version) throws InterruptedException {
        String answered = rulesVersion();
        for (int i = 0; i < 50 && !answered.equals(version); i++) {
            Thread.sleep(100);
            answered = rulesVersion();
        }
        assertThat(answered).isEqualTo(version);
    }

    private String rulesVersion() {
        return as(REVIEWER_KEY, postJson("/api/v1/reviews", DRIVING)).body().path("rulesVersion").asText();
    }

    private Reply upload(Path folder, String key) {
        return as(key, HttpRequest.newBuilder(uri("/api/v1/rules/versions")).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(RulesFolder.zip(folder))));
    }

    private Reply activate(String version) {
        return as(RULES_ADMIN_KEY, postJson("/api/v1/rules/versions/" + version + "/activate", ""));
    }
}
