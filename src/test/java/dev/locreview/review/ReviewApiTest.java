package dev.locreview.review;

import java.net.http.HttpRequest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The POST /api/v1/reviews contract: answers, determinism, and a 400 naming the field for every bad input. */
class ReviewApiTest extends HttpTestSupport {

    private static final String OK_CATEGORIES = "\"categories\":[\"交通服务-代驾\"]";

    static Stream<Arguments> badRequests() {
        String longReason = "很".repeat(2001);
        String deep = "[".repeat(5000) + "]".repeat(5000);
        return Stream.of(
                Arguments.of("malformed JSON", "{\"api\": \"wx.getLocation\",", "body"),
                Arguments.of("not an object", "[1,2,3]", "body"),
                Arguments.of("a bare string", "\"wx.getLocation\"", "body"),
                Arguments.of("empty body", "", "body"),
                Arguments.of("JSON null", "null", "body"),
                Arguments.of("missing api", "{" + OK_CATEGORIES + "}", "api"),
                Arguments.of("null api", "{\"api\":null," + OK_CATEGORIES + "}", "api"),
                Arguments.of("api as number", "{\"api\":42," + OK_CATEGORIES + "}", "api"),
                Arguments.of("unknown api", "{\"api\":\"wx.getWifiList\"," + OK_CATEGORIES + "}", "api"),
                Arguments.of("missing categories", "{\"api\":\"wx.getLocation\"}", "categories"),
                Arguments.of("null categories", "{\"api\":\"wx.getLocation\",\"categories\":null}", "categories"),
                Arguments.of("categories not an array", "{\"api\":\"wx.getLocation\",\"categories\":\"交通服务-代驾\"}",
                        "categories"),
                Arguments.of("empty categories", "{\"api\":\"wx.getLocation\",\"categories\":[]}", "categories"),
                Arguments.of("six categories", "{\"api\":\"wx.getLocation\",\"categories\":[\"工具-办公\",\"工具-天气\","
                        + "\"工具-记账\",\"工具-日历\",\"工具-翻译\",\"工具-效率\"]}", "categories"),
                Arguments.of("null category item", "{\"api\":\"wx.getLocation\",\"categories\":[null]}", "categories[0]"),
                Arguments.of("category as number", "{\"api\":\"wx.getLocation\",\"categories\":[\"工具-办公\",7]}",
                        "categories[1]"),
                Arguments.of("unknown level-1", "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服-代驾\"]}",
                        "categories[0].level1"),
                Arguments.of("object without level1", "{\"api\":\"wx.getLocation\",\"categories\":[{\"level2\":\"代驾\"}]}",
                        "categories[0].level1"),
                Arguments.of("four levels", "{\"api\":\"wx.getLocation\",\"categories\":[\"a-b-c-d\"]}", "categories[0]"),
                Arguments.of("unknown scenario", "{\"api\":\"wx.getLocation\"," + OK_CATEGORIES
                        + ",\"scenarios\":[\"DESIGNATED_DRIVING\",\"TELEPORTATION\"]}", "scenarios[1]"),
                Arguments.of("scenarios not an array", "{\"api\":\"wx.getLocation\"," + OK_CATEGORIES
                        + ",\"scenarios\":\"DESIGNATED_DRIVING\"}", "scenarios"),
                Arguments.of("reason over 2,000 characters", "{\"api\":\"wx.getLocation\"," + OK_CATEGORIES
                        + ",\"reason\":\"" + longReason + "\"}", "reason"),
                Arguments.of("reason as object", "{\"api\":\"wx.getLocation\"," + OK_CATEGORIES
                        + ",\"reason\":{\"text\":\"x\"}}", "reason"),
                Arguments.of("unknown field", "{\"api\":\"wx.getLocation\"," + OK_CATEGORIES + ",\"scenario\":[]}",
                        "scenario"),
                Arguments.of("eleven images", "{\"api\":\"wx.getLocation\"," + OK_CATEGORIES
                        + ",\"attachments\":{\"images\":11}}", "attachments.images"),
                Arguments.of("negative images", "{\"api\":\"wx.getLocation\"," + OK_CATEGORIES
                        + ",\"attachments\":{\"images\":-1}}", "attachments.images"),
                Arguments.of("video as text", "{\"api\":\"wx.getLocation\"," + OK_CATEGORIES
                        + ",\"attachments\":{\"video\":\"yes\"}}", "attachments.video"),
                Arguments.of("a link that is not http(s)", "{\"api\":\"wx.getLocation\"," + OK_CATEGORIES
                        + ",\"attachments\":{\"links\":[\"https://a.example\",\"http://b.example/x\",\"ftp://c\"]}}",
                        "attachments.links[2]"),
                Arguments.of("six links", "{\"api\":\"wx.getLocation\"," + OK_CATEGORIES
                        + ",\"attachments\":{\"links\":[\"https://a.cn\",\"https://b.cn\",\"https://c.cn\",\"https://d.cn\","
                        + "\"https://e.cn\",\"https://f.cn\"]}}", "attachments.links"),
                Arguments.of("unknown attachment", "{\"api\":\"wx.getLocation\"," + OK_CATEGORIES
                        + ",\"attachments\":{\"audio\":true}}", "attachments.audio"),
                Arguments.of("loginRequired as text", "{\"api\":\"wx.getLocation\"," + OK_CATEGORIES
                        + ",\"loginRequired\":\"maybe\"}", "loginRequired"),
                Arguments.of("absurdly deep", "{\"api\":\"wx.getLocation\"," + OK_CATEGORIES + ",\"x\":" + deep + "}",
                        "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsA400ProblemNamingTheField(String what, String body, String field) {
        Reply reply = post("/api/v1/reviews", body);
        assertThat(reply.status()).as("%s: %s", what, reply.raw()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("field").asText()).as(reply.raw()).isEqualTo(field);
        assertThat(reply.body().path("detail").asText()).isNotBlank();
    }

    @Test
    void aLargeBodyWithoutContentLengthIsRefusedToo() {
        byte[] big = ("{\"api\":\"wx.getLocation\",\"reason\":\"" + "x".repeat(300_000) + "\"}").getBytes();
        Reply reply = send(HttpRequest.newBuilder(uri("/api/v1/reviews")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body().path("field").asText()).isEqualTo("body");
    }

    @Test
    void theOutlookShowsTheThreeGatesAndWhatToAttach() {
        String reason = "\"reason\":\"门店详情页提供到店导航，用户点击后小程序内显示从当前位置到门店的路线。\"";
        Reply bare = post("/api/v1/reviews", "{\"api\":\"wx.getLocation\",\"categories\":[\"商家自营-百货\"]," + reason + "}");
        assertThat(bare.status()).as(bare.raw()).isEqualTo(200);
        assertThat(bare.body().path("decision").asText()).isEqualTo("APPROVE");
        JsonNode outlook = bare.body().path("outlook");
        assertThat(outlook.path("verdict").asText()).isEqualTo("AT_RISK");
        assertThat(outlook.path("gates").findValuesAsText("gate")).containsExactly("CATEGORY", "SCENARIO", "EVIDENCE");
        assertThat(outlook.path("gates").findValuesAsText("status")).containsExactly("PASS", "PASS", "WARN");
        assertThat(outlook.path("gates").get(0).path("source").asText()).contains("wx.getLocation", "2024-12");
        assertThat(outlook.path("toAttach").get(0).asText()).contains("到店导航", "完整录屏");

        Reply recorded = post("/api/v1/reviews", "{\"api\":\"wx.getLocation\",\"categories\":[\"商家自营-百货\"]," + reason
                + ",\"attachments\":{\"images\":2,\"video\":true}}");
        assertThat(recorded.body().path("outlook").path("verdict").asText()).isEqualTo("LIKELY_APPROVED");

        Reply behindLogin = post("/api/v1/reviews", "{\"api\":\"wx.getLocation\",\"categories\":[\"商家自营-百货\"]," + reason
                + ",\"attachments\":{\"video\":true},\"loginRequired\":true}");
        assertThat(behindLogin.body().path("outlook").path("verdict").asText()).isEqualTo("LIKELY_REJECTED");
        assertThat(behindLogin.body().path("outlook").path("toAttach").toString()).contains("测试账号");

        Reply outside = post("/api/v1/reviews", "{\"api\":\"wx.getLocation\",\"categories\":[\"教育-在线教育\"]," + reason + "}");
        assertThat(outside.body().path("outlook").path("gates").get(0).path("status").asText()).isEqualTo("FAIL");
        assertThat(outside.body().path("outlook").path("gates").get(0).path("message").asText()).contains("暂无权限");
    }

    @Test
    void aCustomersSideOfAStaffOnlyBackgroundRowIsToldWhyWithItsWords() {
        Reply customers = post("/api/v1/reviews", "{\"api\":\"wx.startLocationUpdateBackground\",\"categories\":[\"物流服务-收件/派件\"],"
                + "\"reason\":\"包裹派送当天，小程序在后台把收件人的实时位置发给快递员，方便上门。\"}");
        assertThat(customers.status()).isEqualTo(200);
        assertThat(customers.body().path("decision").asText()).isEqualTo("REJECT");
        assertThat(customers.body().path("warnings").toString())
                .contains("RC-SIDE", "只开放 B端小程序", "提供B端小程序快递/货物收发服务", "收件人的实时位置");

        Reply staff = post("/api/v1/reviews", "{\"api\":\"wx.startLocationUpdateBackground\",\"categories\":[\"物流服务-收件/派件\"],"
                + "\"reason\":\"快递员端小程序，仅网点快递员登录：派件途中后台持续上报快递员的位置，系统也把收件人的实时位置发给快递员。\"}");
        assertThat(staff.body().path("decision").asText()).isEqualTo("APPROVE");
        assertThat(staff.body().path("warnings").toString()).doesNotContain("RC-SIDE");
    }

    @Test
    void anUnknownLevel1SuggestsTheNearestKnownNames() {
        Reply reply = post("/api/v1/reviews", "{\"api\":\"wx.getLocation\",\"categories\":[\"交通-代驾\"]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("suggestions").toString()).contains("交通服务");
    }

    @Test
    void anUnknownLevel2IsAcceptedWithAWarning() {
        Reply reply = post("/api/v1/reviews",
                "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-飞行汽车\"],\"scenarios\":[\"SHARED_MOBILITY\"]}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("decision").asText()).isEqualTo("APPROVE");
        assertThat(reply.body().path("warnings").toString()).contains("飞行汽车");
    }

    @Test
    void aDecisionExplainsItselfAndEchoesTheApplication() {
        Reply reply = post("/api/v1/reviews", "{\"api\":\"WX.ONLOCATIONCHANGE\",\"categories\":[\"新闻资讯-综合资讯\"],"
                + "\"reason\":\"看新闻\",\"appId\":\"wx123\",\"appName\":\"今日快讯\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("api").asText()).isEqualTo("wx.onLocationChange");
        assertThat(reply.body().path("decision").asText()).isEqualTo("REJECT");
        assertThat(reply.body().path("reasons").get(0).path("clause").asText()).isEqualTo("R3");
        assertThat(reply.body().path("reasons").get(0).path("message").asText()).contains("R3");
        assertThat(reply.body().path("rulesVersion").asText()).hasSize(16);
        assertThat(reply.body().path("decisionId").asText()).isNotBlank();
        assertThat(reply.body().path("application").path("appId").asText()).isEqualTo("wx123");
        assertThat(reply.body().path("application").path("reason").asText()).isEqualTo("看新闻");
    }

    @Test
    void theDefaultRejectionNamesWhatTheCategoriesCouldQualifyWith() {
        Reply reply = post("/api/v1/reviews", "{\"api\":\"wx.getLocation\",\"categories\":[\"生活服务-家政\"]}");
        assertThat(reply.body().path("clause").asText()).isEqualTo("R0");
        assertThat(reply.body().path("reasons").get(0).path("message").asText()).contains("线下跑腿", "开锁服务");
    }

    @Test
    void theSameRequestAlwaysGetsTheSameDecisionAndReasonOrder() {
        String body = "{\"api\":\"wx.getLocation\",\"categories\":[\"商家自营-百货\",\"电商平台-团购\",\"交通服务-代驾\"],"
                + "\"scenarios\":[\"SHIPPING_ADDRESS\",\"CITY_LEVEL_ONLY\",\"NEARBY_STORE_DISPLAY\",\"MEAL_DELIVERY\"]}";
        Reply first = post("/api/v1/reviews", body);
        for (int i = 0; i < 20; i++) {
            Reply again = post("/api/v1/reviews", body);
            assertThat(again.body().path("reasons")).isEqualTo(first.body().path("reasons"));
            assertThat(again.body().path("recommendedApis")).isEqualTo(first.body().path("recommendedApis"));
        }
        assertThat(first.body().path("clause").asText()).isEqualTo("R4");
    }

    @Test
    void aLevel1CategoryAloneIsDecidedNotAServerError() {
        Reply reply = post("/api/v1/reviews", "{\"api\":\"wx.getLocation\",\"categories\":[\"政府主体账号\"],"
                + "\"reason\":\"群众到政务大厅后在小程序基于定位现场取号报到，也可一键导航到最近的办事大厅。\"}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body().path("clause").asText()).isEqualTo("TGL-GOV");
    }

    @Test
    void theVocabularyListsApisCategoriesAndScenarios() {
        Reply reply = get("/api/v1/vocabulary");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("apis")).hasSize(8);
        assertThat(reply.body().path("categories").toString()).contains("交通服务", "快递业与邮政", "金融业", "金融");
        assertThat(reply.body().path("scenarios")).hasSize(33);
        assertThat(reply.body().path("scenarios").get(0).path("label").asText()).isEqualTo("代驾");
        // a table's row lists the API it is for: 物流服务's parcels are opened by each of the four tables
        assertThat(reply.body().path("scenarios").findValues("clause").toString()).contains("TGL-LOG", "TOLC-LOG", "TBG-LOG");
        assertThat(reply.body().path("scenarios").findValues("apis").toString())
                .contains("[\"wx.startLocationUpdateBackground\"]");
    }
}
