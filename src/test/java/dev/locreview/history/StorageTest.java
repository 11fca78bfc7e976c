package dev.locreview.history;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** What a record stores: the largest application fits, the decision comes back as returned, one bad row fails alone. */
class StorageTest extends HttpTestSupport {

    @Autowired
    JdbcTemplate db;

    private static final String NORMAL = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
            + "\"reason\":\"用户酒后叫代驾，需要获取精确位置作为接驾点。\",\"appId\":\"%s\"}";

    @Test
    void theLargestApplicationsAreStoredBesideConcurrentNormalOnesAndComeBackByteForByte() throws Exception {
        String appId = "wx" + UUID.randomUUID().toString().substring(0, 8);
        List<String> largest = List.of(Applications.application(json, appId, Applications.lexiconDenseReason()).toString(),
                Applications.application(json, appId, Applications.oneScenarioPerTwoCharacters()).toString());
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 320; i++) {
                String body = i % 40 < 2 ? largest.get(i % 40) : NORMAL.formatted(appId);
                replies.add(clients.submit(() -> post("/api/v1/reviews", body)));
            }
            for (Future<Reply> reply : replies) {
                assertThat(reply.get().status()).as(reply.get().raw()).isEqualTo(200);
            }
            for (Future<Reply> future : replies.subList(0, 2)) {
                Reply returned = future.get();
                // The reader passes at most a few mentions that read alike, so even this text has few scenarios.
                assertThat(returned.body().path("scenarios").size()).isPositive();
                String id = returned.body().path("decisionId").asText();
                JsonNode record = as(REVIEWER_KEY, getRequest("/api/v1/reviews/" + id)).body();
                assertThat(json.writeValueAsString(record.path("result"))).isEqualTo(returned.raw());
                int stored = db.queryForObject("SELECT LENGTH(decision_json) FROM decision_record WHERE decision_id = ?",
                        Integer.class, id);
                // The reading explains every denied mention (TXT6 in rulesFired), so the worst case grew to ~160,000
                // characters stored; it must still leave the column room to spare. The dense text is built from the
                // lexicon, so what it reads (and how much of the decision repeats the request) moves as the lexicon
                // grows: the record drops at least a quarter of what was returned (2/3 until the lexicon of 2026-12-02
                // evening, 0.69 since).
                assertThat(stored).as("compact record of %d characters returned", returned.raw().length())
                        .isLessThan(returned.raw().length() * 3 / 4).isLessThan(DecisionStore.MAX_DECISION_JSON / 2);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aRowTheStoreRefusesFailsOnlyItsOwnRequestWithAProblem() throws Exception {
        String appId = "wx" + UUID.randomUUID().toString().substring(0, 8);
        db.execute("ALTER TABLE decision_record ADD CONSTRAINT refuse_poison CHECK (app_id <> 'wxpoison')");
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String body = NORMAL.formatted(i % 50 == 7 ? "wxpoison" : appId);
                replies.add(clients.submit(() -> as(REVIEWER_KEY, postJson("/api/v1/reviews", body))));
            }
            int refused = 0;
            for (Future<Reply> future : replies) {
                Reply reply = future.get();
                if (reply.status() == 200) {
                    continue;
                }
                refused++;
                assertThat(reply.status()).as(reply.raw()).isEqualTo(507);
                assertThat(reply.contentType()).startsWith("application/problem+json");
                assertThat(reply.body().path("detail").asText()).contains("not returned");
            }
            assertThat(refused).isEqualTo(4);
            assertThat(as(REVIEWER_KEY, getRequest("/api/v1/reviews?appId=" + appId)).body().path("total").asInt())
                    .isEqualTo(196);
        } finally {
            clients.shutdownNow();
            db.execute("ALTER TABLE decision_record DROP CONSTRAINT refuse_poison");
        }
    }

    @Test
    void aCategoryWithAPipeKeepsItsBoundariesAndFilters() {
        String appId = "wx" + UUID.randomUUID().toString().substring(0, 8);
        String piped = "生活服务-洗衣|熨烫";
        Reply reply = as(REVIEWER_KEY, postJson("/api/v1/reviews", "{\"api\":\"wx.chooseLocation\",\"categories\":[\""
                + piped + "\",\"餐饮-外卖平台\"],\"appId\":\"" + appId + "\"}"));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        String id = reply.body().path("decisionId").asText();
        Reply other = as(REVIEWER_KEY, postJson("/api/v1/reviews", "{\"api\":\"wx.chooseLocation\",\"categories\":"
                + "[\"生活服务-洗衣\"],\"appId\":\"" + appId + "\"}"));

        JsonNode items = as(REVIEWER_KEY, getRequest("/api/v1/reviews?appId=" + appId)).body().path("items");
        assertThat(items.get(1).path("decisionId").asText()).isEqualTo(id);
        assertThat(items.get(1).path("categories").toString()).isEqualTo("[\"生活服务-洗衣|熨烫\",\"餐饮-外卖平台\"]");
        assertThat(filter(appId, piped)).containsExactly(id);
        assertThat(filter(appId, "熨烫")).isEmpty();
        assertThat(filter(appId, "外卖平台")).isEmpty();
        assertThat(filter(appId, "餐饮-外卖平台")).containsExactly(id);
        assertThat(filter(appId, "生活服务-洗衣")).containsExactly(other.body().path("decisionId").asText(), id);
    }

    private List<String> filter(String appId, String category) {
        return as(REVIEWER_KEY, getRequest("/api/v1/reviews?appId=" + appId + "&category="
                + URLEncoder.encode(category, StandardCharsets.UTF_8))).body().path("items").findValuesAsText("decisionId");
    }
}
