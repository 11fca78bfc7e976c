package dev.locreview.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** The developers' pre-check page in a real browser. */
class PrecheckPageTest extends BrowserTestSupport {

    private void addCategory(String level1, String level2) {
        new Select(browser.findElement(By.id("level1"))).selectByValue(level1);
        new Select(browser.findElement(By.id("level2"))).selectByValue(level2);
        browser.findElement(By.id("add-category")).click();
    }

    private void chooseApi(String api) {
        browser.findElement(By.cssSelector("input[name=api][value='" + api + "']")).click();
    }

    private void typeReason(String text) {
        WebElement reason = browser.findElement(By.id("reason"));
        reason.clear();
        reason.sendKeys(text);
    }

    private WebElement verdict() {
        return visible("#verdict");
    }

    @Test
    void anApprovalShowsTheClauseAndTheNextSteps() throws Exception {
        open("/");
        addCategory("交通服务", "代驾");
        chooseApi("wx.getLocation");
        String reason = "用户酒后在小程序一键叫代驾，需要获取用户当前精确位置作为司机接驾点。";
        typeReason(reason);
        assertThat(browser.findElement(By.id("reason-counter")).getText()).startsWith(reason.length() + " / 300 字");
        browser.findElement(By.id("submit")).click();
        assertThat(verdict().getDomAttribute("data-decision")).isEqualTo("APPROVE");
        assertThat(browser.findElements(By.cssSelector("#reasons li[data-clause=GL1]"))).isNotEmpty();
        assertThat(browser.findElement(By.id("next-steps")).getText()).contains("开发管理", "接口设置", "去开通");
        assertThat(browser.findElements(By.cssSelector("#evidence mark"))).isNotEmpty();
        screenshot("precheck-approve");
    }

    /** A reading the engine is not sure of says so, with why, above the rest of the answer. */
    @Test
    void aLowConfidenceReadingSaysWhy() throws Exception {
        open("/");
        addCategory("交通服务", "代驾");
        chooseApi("wx.getLocation");
        typeReason("我们是一家代驾公司。");
        browser.findElement(By.id("submit")).click();
        assertThat(verdict().getDomAttribute("data-decision")).isEqualTo("APPROVE");
        assertThat(visible("#confidence").getDomAttribute("data-level")).isEqualTo("LOW");
        assertThat(browser.findElements(By.cssSelector("#confidence li"))).isNotEmpty();
    }

    /** The real review's gates as a checklist: nothing attached is at risk; a recording makes it likely to pass. */
    @Test
    void theThreeGatesShowAsAChecklistWithWhatToAttach() throws Exception {
        open("/");
        addCategory("商家自营", "百货");
        chooseApi("wx.getLocation");
        assertThat(browser.findElements(By.cssSelector("#scenarios input[value=STORE_NAVIGATION]"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#scenarios input[value=MEAL_DELIVERY]"))).isEmpty();
        typeReason("门店详情页提供到店导航：用户点击导航按钮后，小程序内显示从当前位置到门店的步行路线。");
        browser.findElement(By.id("submit")).click();
        assertThat(verdict().getDomAttribute("data-decision")).isEqualTo("APPROVE");
        assertThat(visible("#outlook-verdict").getDomAttribute("data-verdict")).isEqualTo("AT_RISK");
        assertThat(browser.findElements(By.cssSelector("#gates li")).stream().map(e -> e.getDomAttribute("data-gate")))
                .containsExactly("CATEGORY", "SCENARIO", "EVIDENCE");
        assertThat(browser.findElement(By.cssSelector("#gates li[data-gate=EVIDENCE]")).getDomAttribute("data-status"))
                .isEqualTo("WARN");
        assertThat(browser.findElement(By.id("to-attach")).getText()).contains("到店导航", "录屏");
        screenshot("precheck-gates-at-risk");

        browser.findElement(By.id("video")).click();
        browser.findElement(By.id("submit")).click();
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> "LIKELY_APPROVED"
                .equals(d.findElement(By.id("outlook-verdict")).getDomAttribute("data-verdict")));
        assertThat(browser.getCurrentUrl()).contains("v=1");
        screenshot("precheck-gates-likely-approved");
    }

    @Test
    void aRejectionShowsTheAlternativesWithSnippetsAndTheEvidence() throws Exception {
        open("/");
        addCategory("餐饮", "外卖平台");
        chooseApi("wx.onLocationChange");
        typeReason("外卖下单只需要用户填写收货地址，我们不展示骑手的实时位置。");
        browser.findElement(By.id("submit")).click();
        assertThat(verdict().getDomAttribute("data-decision")).isEqualTo("REJECT");
        assertThat(browser.findElement(By.cssSelector("#reasons li")).getDomAttribute("data-clause")).isEqualTo("R2");
        List<String> recommended = browser.findElements(By.cssSelector("#recommended .recommend")).stream()
                .map(e -> e.getDomAttribute("data-api")).toList();
        assertThat(recommended).containsExactly("wx.getFuzzyLocation", "wx.chooseLocation", "wx.choosePoi");
        assertThat(browser.findElement(By.cssSelector("#recommended pre.snippet")).getText())
                .isEqualTo("\"requiredPrivateInfos\": [\"getFuzzyLocation\"]");
        assertThat(browser.findElements(By.cssSelector("#evidence mark")).stream().map(WebElement::getText).toList())
                .anyMatch(text -> text.contains("不展示骑手的实时位置"));
        screenshot("precheck-reject-alternatives");
        phoneSized();
        screenshot("precheck-reject-phone");
    }

    @Test
    void aFieldErrorFromTheApiShowsBesideTheField() throws Exception {
        open("/");
        chooseApi("wx.getLocation");
        browser.findElement(By.id("submit")).click();
        WebElement error = visible("#error-categories");
        assertThat(error.getText()).startsWith("categories");
        assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();
        screenshot("precheck-field-error");
    }

    @Test
    void userTextIsRenderedAsTyped() throws Exception {
        open("/");
        addCategory("交通服务", "骑车");
        chooseApi("wx.getLocation");
        String attack = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\"> 用户扫码骑行共享单车需要定位附近车辆";
        typeReason(attack);
        browser.findElement(By.id("submit")).click();
        verdict();
        assertThat(browser.findElement(By.id("evidence")).getText()).isEqualTo(attack);
        assertThat(browser.executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#result img, #result script"))).isEmpty();
        screenshot("precheck-xss-as-text");
    }

    @Test
    void aSharedUrlReproducesTheResult() throws Exception {
        open("/?lang=en");
        addCategory("商家自营", "百货");
        chooseApi("wx.getLocation");
        browser.findElement(By.cssSelector("input[name=scenarios][value=NEARBY_STORE_DISPLAY]")).click();
        typeReason("首页展示附近门店和优惠信息，没有门店导航。");
        browser.findElement(By.id("reason")).sendKeys(Keys.TAB);
        browser.findElement(By.id("submit")).sendKeys(Keys.ENTER);
        String first = verdict().getText();
        List<String> clauses = browser.findElements(By.cssSelector("#reasons li")).stream()
                .map(e -> e.getDomAttribute("data-clause")).toList();
        assertThat(first).contains("Would not pass");
        String shared = browser.getCurrentUrl();
        assertThat(shared).contains("lang=en", "api=wx.getLocation");

        browser.get("about:blank");
        browser.get(shared);
        assertThat(verdict().getText()).isEqualTo(first);
        assertThat(browser.findElements(By.cssSelector("#reasons li")).stream().map(e -> e.getDomAttribute("data-clause"))
                .toList()).isEqualTo(clauses);
        assertThat(browser.findElement(By.id("reason")).getDomProperty("value")).isEqualTo("首页展示附近门店和优惠信息，没有门店导航。");
        screenshot("precheck-shared-url");
    }
}
