package dev.locreview.policy;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.locreview.HttpTestSupport;
import dev.locreview.RulesFolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Reload under load, refusal with file and line, atomic swap, and the impact preview of a change. */
class RuleLifecycleTest extends HttpTestSupport {

    static final Path RULES = RulesFolder.copy();

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        registry.add("locreview.rules-dir", RULES::toString);
        // A store of its own: what this test activates must not become the other test contexts' rule set.
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:locreview-rules-lifecycle;DB_CLOSE_DELAY=-1");
    }

    private static final String DRIVING = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
            + "\"scenarios\":[\"DESIGNATED_DRIVING\"]}";

    @Test
    void aBrokenReloadKeepsTheOldSetAnsweringThenAGoodOneSwapsIn() throws Exception {
        String before = get("/api/v1/rules").body().path("version").asText();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        Set<String> versions = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            load.submit(() -> {
                while (!stop.get()) {
                    Reply reply = as(REVIEWER_KEY, postJson("/api/v1/reviews", DRIVING));
                    statuses.add(reply.status());
                    versions.add(reply.body().path("rulesVersion").asText());
                }
            });
        }
        try {
            Path drl = RULES.resolve("10-getlocation.drl");
            String good = Files.readString(drl);
            Files.writeString(drl, good + "\nrule \"broken\"\nwhen\n    Application( \nthen\nend\n");
            long goodLines = good.lines().count();
            Reply refused = as(RULES_ADMIN_KEY, postJson("/api/v1/rules/reload", ""));
            assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
            assertThat(refused.body().path("swapped").asBoolean()).isFalse();
            assertThat(refused.body().path("liveVersion").asText()).isEqualTo(before);
            assertThat(refused.body().path("problems").toString()).contains("10-getlocation.drl:");
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("10-getlocation.drl:(\\d+)")
                    .matcher(refused.body().path("problems").toString());
            assertThat(line.find()).isTrue();
            assertThat(Long.parseLong(line.group(1))).as("the line of the broken rule").isBetween(goodLines + 1,
                    goodLines + 7);
            assertThat(as(REVIEWER_KEY, getRequest("/actuator/health")).body().path("components").path("rules").path("details")
                    .path("lastReloadFailure").toString()).contains("10-getlocation.drl");

            // A name the vocabulary does not know is refused with its line too.
            Files.writeString(drl, good.replace("Application( family == ApiFamily.PRECISE_ONCE )\n", "Application( "
                    + "family == ApiFamily.PRECISE_ONCE )\n    dev.locreview.policy.AppScenario( code == \"TELEPORTATION_SERVICE\" )\n"));
            Reply unknown = as(RULES_ADMIN_KEY, postJson("/api/v1/rules/reload", ""));
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.body().path("problems").toString())
                    .containsPattern("10-getlocation.drl:\\d+: unknown scenario code TELEPORTATION_SERVICE");

            Files.writeString(drl, good + "\n// reviewed 2026-11-20\n");
            Reply swapped = as(RULES_ADMIN_KEY, postJson("/api/v1/rules/reload", ""));
            assertThat(swapped.status()).as(swapped.raw()).isEqualTo(200);
            String after = swapped.body().path("liveVersion").asText();
            assertThat(after).isNotEqualTo(before);
            assertThat(as(REVIEWER_KEY, postJson("/api/v1/reviews", DRIVING)).body().path("rulesVersion").asText())
                    .isEqualTo(after);
            assertThat(get("/api/v1/rules").body().path("version").asText()).isEqualTo(after);
        } finally {
            stop.set(true);
            load.shutdown();
            load.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertThat(statuses).isNotEmpty().allMatch(s -> s == 200);
        assertThat(versions).allMatch(v -> v.length() == 16);
    }

    @Test
    void thePreviewOfMovingOneCategoryFindsExactlyTheDecisionsItFlips() throws Exception {
        Instant start = Instant.now();
        Thread.sleep(5);
        String ordering = "{\"api\":\"wx.getLocation\",\"categories\":[\"餐饮-点餐平台\"],\"scenarios\":[\"MEAL_DELIVERY\"]}";
        String takeaway = "{\"api\":\"wx.getLocation\",\"categories\":[\"餐饮-外卖平台\"],\"scenarios\":[\"MEAL_DELIVERY\"]}";
        Set<String> flipped = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            flipped.add(as(REVIEWER_KEY, postJson("/api/v1/reviews", ordering)).body().path("decisionId").asText());
            as(REVIEWER_KEY, postJson("/api/v1/reviews", takeaway));
            post("/api/v1/reviews", DRIVING);
        }
        Path candidate = RulesFolder.copy();
        RulesFolder.replace(candidate.resolve("data/grants.yaml"), "categories: [餐饮-点餐平台, 餐饮-外卖平台,",
                "categories: [餐饮-外卖平台,");
        String live = get("/api/v1/rules").body().path("version").asText();
        Reply report = as(RULES_ADMIN_KEY, HttpRequest.newBuilder(uri("/api/v1/rules/preview?from=" + start))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(RulesFolder.zip(candidate))));
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        assertThat(report.body().path("replayed").asInt()).isEqualTo(9);
        assertThat(report.body().path("changed").asInt()).isEqualTo(3);
        assertThat(report.body().path("examples").findValuesAsText("decisionId")).containsExactlyInAnyOrderElementsOf(
                flipped);
        assertThat(report.body().path("byOutcome").path("APPROVE→REJECT").asInt()).isEqualTo(3);
        assertThat(report.body().path("byClause").path("GL2→RM").asInt()).isEqualTo(3);
        assertThat(get("/api/v1/rules").body().path("version").asText()).as("live set untouched").isEqualTo(live);

        Reply refused = as(RULES_ADMIN_KEY, HttpRequest.newBuilder(uri("/api/v1/rules/preview"))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray("not a zip".getBytes())));
        assertThat(refused.status()).isEqualTo(422);
    }

    @Test
    void thePreviewReplaysThroughTheStoreAPageAtATimeKeepingOnlyCountsAndAFewExamples() throws Exception {
        Instant start = Instant.now();
        Thread.sleep(5);
        String ordering = "{\"api\":\"wx.getLocation\",\"categories\":[\"餐饮-点餐平台\"],\"scenarios\":[\"MEAL_DELIVERY\"]}";
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 450; i++) {
            batch.append(i % 3 == 0 ? ordering : DRIVING).append('\n');
        }
        Reply stored = as(REVIEWER_KEY, HttpRequest.newBuilder(uri("/api/v1/reviews/batch"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(batch.toString())));
        assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
        Thread.sleep(5);
        Instant end = Instant.now();
        Path candidate = RulesFolder.copy();
        RulesFolder.replace(candidate.resolve("data/grants.yaml"), "categories: [餐饮-点餐平台, 餐饮-外卖平台,",
                "categories: [餐饮-外卖平台,");
        byte[] zip = RulesFolder.zip(candidate);

        Reply all = as(RULES_ADMIN_KEY, HttpRequest.newBuilder(uri("/api/v1/rules/preview?from=" + start + "&to=" + end))
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        assertThat(all.body().path("replayed").asInt()).isEqualTo(450);
        assertThat(all.body().path("pages").asInt()).as("pages of 200").isEqualTo(3);
        assertThat(all.body().path("changed").asInt()).isEqualTo(150);
        assertThat(all.body().path("byOutcome").path("APPROVE→REJECT").asInt()).isEqualTo(150);
        assertThat(all.body().path("examples").size()).as("examples are bounded").isEqualTo(20);
        assertThat(all.body().path("capped").asBoolean()).isFalse();

        Reply capped = as(RULES_ADMIN_KEY, HttpRequest.newBuilder(uri("/api/v1/rules/preview?from=" + start + "&to="
                        + end + "&limit=300"))
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
        assertThat(capped.status()).as(capped.raw()).isEqualTo(200);
        assertThat(capped.body().path("replayed").asInt()).isEqualTo(300);
        assertThat(capped.body().path("changed").asInt()).isEqualTo(100);
        assertThat(capped.body().path("cap").asInt()).isEqualTo(300);
        assertThat(capped.body().path("capped").asBoolean()).as("the response says it stopped early").isTrue();
    }
}
