package dev.locreview.reading;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenarios read from the 申请原因, through the public endpoint: evidence, negation, purpose, warnings. */
class ReasonReadingApiTest extends HttpTestSupport {

    private Reply review(String api, String category, String reason) {
        ObjectNode body = json.createObjectNode().put("api", api).put("reason", reason);
        body.putArray("categories").add(category);
        Reply reply = post("/api/v1/reviews", body);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply;
    }

    @Test
    void everyScenarioFoundCarriesItsEvidenceSpan() {
        String reason = "我们是代驾平台，用户酒后叫代驾时，需要获取用户精确位置，方便司机上门接驾。";
        Reply reply = review("wx.getLocation", "交通服务-代驾", reason);
        assertThat(reply.body().path("decision").asText()).isEqualTo("APPROVE");
        assertThat(reply.body().path("clause").asText()).isEqualTo("GL1");
        JsonNode scenarios = reply.body().path("scenarios");
        assertThat(scenarios).isNotEmpty();
        for (JsonNode s : scenarios) {
            assertThat(s.path("source").asText()).isEqualTo("REASON_TEXT");
            JsonNode evidence = s.path("evidence");
            int start = evidence.path("start").asInt();
            int end = evidence.path("end").asInt();
            assertThat(reason.substring(start, end)).isEqualTo(evidence.path("text").asText());
        }
    }

    @Test
    void aDeniedFeatureIsNotAUseButShowsTheLimitThePolicyNames() {
        Reply reply = review("wx.onLocationChange", "餐饮-外卖平台",
                "外卖下单只需要用户填写收货地址，我们不展示骑手的实时位置。");
        assertThat(reply.body().path("clause").asText()).isEqualTo("R2");
        assertThat(reply.body().path("scenarios").findValuesAsText("code")).contains("TAKEAWAY_ADDRESS_ONLY")
                .doesNotContain("MEAL_DELIVERY");
        JsonNode denial = null;
        for (JsonNode s : reply.body().path("scenarios")) {
            if (s.path("evidence").path("cue").asText().equals("不展示")) {
                denial = s;
            }
        }
        assertThat(denial).as("the denial's cue is part of the evidence").isNotNull();
    }

    @Test
    void theBusinessIsNotThePurposeWhenTheTextLimitsTheLocation() {
        Reply reply = review("wx.getLocation", "交通服务-代驾",
                "我们是一家代驾公司，申请定位仅用于识别用户所在城市，展示当地的代驾优惠券。");
        assertThat(reply.body().path("decision").asText()).isEqualTo("REJECT");
        assertThat(reply.body().path("clause").asText()).isEqualTo("R1");
        assertThat(reply.body().path("recommendedApis").toString())
                .isEqualTo("[\"wx.getFuzzyLocation\",\"wx.chooseLocation\",\"wx.choosePoi\"]");
    }

    @Test
    void anyQualifyingUseTheTextStatesApproves() {
        Reply reply = review("wx.getLocation", "商家自营-生鲜",
                "首页按用户所在城市展示促销活动；另外下单后由门店骑手同城配送，需要用户的精确位置。");
        assertThat(reply.body().path("decision").asText()).isEqualTo("APPROVE");
        assertThat(reply.body().path("clause").asText()).isEqualTo("GL5");
    }

    @Test
    void aVagueReasonGetsTheDefaultRejectionWithGuidance() {
        Reply reply = review("wx.getLocation", "生活服务-家政", "为了提升用户体验，业务需要获取位置。");
        assertThat(reply.body().path("clause").asText()).isEqualTo("R0");
        assertThat(reply.body().path("scenarios")).isEmpty();
        assertThat(reply.body().path("reasons").get(0).path("message").asText()).contains("上门作业");
        assertThat(reply.body().path("guidance").toString()).contains("截图", "视频", "链接");
    }

    @Test
    void aReasonOverThreeHundredCharactersIsWarnedAbout() {
        Reply reply = review("wx.getLocation", "交通服务-代驾", "用户叫代驾时需要定位接驾点。".repeat(25));
        assertThat(reply.body().path("warnings").toString()).contains("300");
    }

    @Test
    void aReasonThatContradictsTheDeclaredScenarioIsWarnedAbout() {
        ObjectNode body = json.createObjectNode().put("api", "wx.getLocation")
                .put("reason", "我们的小程序暂未提供门店导航，只展示附近门店的信息。");
        body.putArray("categories").add("商家自营-百货");
        body.putArray("scenarios").add("STORE_NAVIGATION");
        Reply reply = post("/api/v1/reviews", body);
        assertThat(reply.body().path("warnings").toString()).contains("矛盾");
    }

    @Test
    void userTextIsEchoedAsTyped() {
        String reason = "<script>alert(1)</script> 用户扫码骑行共享单车需要定位附近车辆";
        Reply reply = review("wx.getLocation", "交通服务-骑车", reason);
        assertThat(reply.body().path("application").path("reason").asText()).isEqualTo(reason);
        assertThat(reply.body().path("decision").asText()).isEqualTo("APPROVE");
    }
}
