package dev.locreview.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input the parser would otherwise take silently: duplicate keys, invalid UTF-8, unpaired surrogates,
 * instants outside any real range. Each is a 400 problem naming the field.
 */
class StrictInputTest extends HttpTestSupport {

    private static final String API = "\"api\":\"wx.getLocation\"";
    private static final String CATEGORIES = "\"categories\":[\"交通服务-代驾\"]";
    private static final String ALL_SIX = API + "," + CATEGORIES + ",\"scenarios\":[],\"reason\":\"r\","
            + "\"appId\":\"wx1\",\"appName\":\"n\"";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "early duplicate | {\"api\":\"wx.getFuzzyLocation\"," + API + "," + CATEGORIES + "} | api",
            "after all six | {" + ALL_SIX + ",\"reason\":\"again\"} | reason",
            "inside a category | {" + API + ",\"categories\":[{\"level1\":\"交通服务\",\"level1\":\"餐饮服务\"}]} "
                    + "| categories[0].level1"})
    void aDuplicateKeyIsRefusedNamingIt(String what, String body, String field) {
        Reply reply = post("/api/v1/reviews", body);
        assertProblem(reply, 400, field);
        assertThat(reply.body().path("detail").asText()).containsIgnoringCase("duplicate");
    }

    @Test
    void aDuplicateKeyInABatchIsRefusedToo() {
        Reply array = as(REVIEWER_KEY, postJson("/api/v1/reviews/batch", "[{" + ALL_SIX + ",\"api\":\"x\"}]"));
        assertProblem(array, 400, "[0].api");
        Reply lines = as(REVIEWER_KEY, postJson("/api/v1/reviews/batch", "").setHeader("Content-Type", "application/x-ndjson")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{" + ALL_SIX + "}\n{" + ALL_SIX
                        + ",\"appId\":\"wx2\"}")));
        assertThat(lines.status()).isEqualTo(200);
        assertThat(lines.body().path("items").get(0).path("decision").isObject()).isTrue();
        assertThat(lines.body().path("items").get(1).path("problem").path("field").asText()).isEqualTo("appId");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "overlong '<' (C0 BC), C0BC",
            "encoded surrogate (ED A0 80), EDA080",
            "truncated sequence (E4 B8), E4B8",
            "stray continuation byte (80), 80"})
    void invalidUtf8IsRefused(String what, String hex) throws Exception {
        byte[] body = bytes("{" + API + "," + CATEGORIES + ",\"reason\":\"a", hex, "b\"}");
        RawHttp.Reply reply = RawHttp.post(port, "/api/v1/reviews", "application/json", null, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"field\":\"body\"").containsIgnoringCase("UTF-8");
        RawHttp.Reply batch = RawHttp.post(port, "/api/v1/reviews/batch", "application/x-ndjson", REVIEWER_KEY, body);
        assertThat(batch.status()).as(batch.body()).isEqualTo(400);
        assertThat(batch.body()).contains("\"field\":\"body\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\uD800", "x\\uDC00y", "\\uDBFF"})
    void anUnpairedSurrogateEscapeIsRefusedNamingTheField(String escape) {
        assertProblem(post("/api/v1/reviews", "{" + API + "," + CATEGORIES + ",\"reason\":\"" + escape + "\"}"),
                400, "reason");
        assertProblem(post("/api/v1/reviews", "{" + API + ",\"categories\":[\"交通服务-" + escape + "\"]}"),
                400, "categories[0]");
        // A proper pair is a character like any other.
        assertThat(post("/api/v1/reviews", "{" + API + "," + CATEGORIES + ",\"reason\":\"\\uD83D\\uDE97\"}").status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({
            "to, -1000000000-01-01T00:00:00Z",
            "from, +1000000000-12-31T23:59:59Z",
            "to, +10000-01-01T00:00:00Z",
            "from, 0000-01-01T00:00:00Z"})
    void anInstantOutsideTheStoresRangeIsRefusedNamingTheParameter(String parameter, String value) {
        Reply reply = as(REVIEWER_KEY, getRequest("/api/v1/reviews?" + parameter + "="
                + value.replace("+", "%2B")));
        assertProblem(reply, 400, parameter);
    }

    private void assertProblem(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("field").asText()).as(reply.raw()).isEqualTo(field);
        assertThat(reply.body().path("detail").asText()).isNotBlank();
    }

    private static byte[] bytes(String before, String hex, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(java.util.HexFormat.of().parseHex(hex));
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
