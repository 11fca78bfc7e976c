package dev.locreview.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The reviewer console in a real browser: key, history, detail, batch upload, rule set. */
class ConsolePageTest extends BrowserTestSupport {

    private void useKey(String key) {
        browser.findElement(By.id("api-key")).sendKeys(key);
        browser.findElement(By.cssSelector("#key-form button")).click();
    }

    @Test
    void historyAndDetail() throws Exception {
        String appId = "wxconsole" + System.nanoTime() % 100000;
        as(REVIEWER_KEY, postJson("/api/v1/reviews", "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
                + "\"reason\":\"叫代驾时获取用户位置作为接驾点\",\"appId\":\"" + appId + "\"}"));
        open("/console");
        useKey(REVIEWER_KEY);
        visible("#history tbody tr[data-id]");
        browser.findElement(By.name("appId")).sendKeys(appId);
        browser.findElement(By.cssSelector("#filters button")).click();
        wait.until(d -> d.findElements(By.cssSelector("#history tbody tr[data-id]")).size() == 1);
        assertThat(browser.findElement(By.id("page-info")).getText()).contains("1");
        assertThat(browser.findElement(By.cssSelector("#history tbody td[data-verdict]")).getDomAttribute("data-verdict"))
                .isEqualTo("AT_RISK");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("verdict"))).selectByValue("LIKELY_REJECTED");
        browser.findElement(By.cssSelector("#filters button")).click();
        wait.until(d -> d.findElements(By.cssSelector("#history tbody tr[data-id]")).isEmpty());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("verdict"))).selectByValue("AT_RISK");
        browser.findElement(By.cssSelector("#filters button")).click();
        wait.until(d -> d.findElements(By.cssSelector("#history tbody tr[data-id]")).size() == 1);
        browser.findElement(By.cssSelector("#history tbody tr[data-id] button")).click();
        assertThat(visible("#detail-request").getText()).contains(appId, "叫代驾时获取用户位置作为接驾点");
        screenshot("console-history-detail");

        browser.findElement(By.id("tab-rules")).click();
        visible("#rules tbody tr");
        assertThat(browser.findElement(By.id("rules")).getText()).contains("GL1", "10-getlocation.drl");
        screenshot("console-rules");
    }

    @Test
    void aWrongKeyIsRefused() throws Exception {
        open("/console");
        useKey("lr_wrong");
        assertThat(visible("#console-error").getText()).isNotBlank();
        screenshot("console-wrong-key");
    }

    @Test
    void batchUploadWithProgressAndAResultFile() throws Exception {
        Path queue = Files.createTempFile("queue", ".jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            lines.append(i % 3 == 0 ? "{\"api\":\"wx.onLocationChange\",\"categories\":[\"新闻资讯-综合资讯\"]}"
                    : i % 3 == 1 ? "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],\"scenarios\":[\"DESIGNATED_DRIVING\"]}"
                    : "{\"api\":\"wx.nothing\",\"categories\":[\"交通服务-代驾\"]}").append('\n');
        }
        Files.writeString(queue, lines);
        open("/console");
        useKey(REVIEWER_KEY);
        browser.findElement(By.id("tab-batch")).click();
        browser.findElement(By.id("batch-file")).sendKeys(queue.toAbsolutePath().toString());
        browser.findElement(By.id("batch-start")).click();
        wait.until(d -> !d.findElement(By.id("batch-summary")).getText().isBlank());
        assertThat(browser.findElement(By.id("batch-progress")).getDomProperty("value")).isEqualTo("150");
        assertThat(browser.findElement(By.id("batch-summary")).getText()).contains("150", "50");
        assertThat(browser.findElement(By.id("batch-download")).isDisplayed()).isTrue();
        Object result = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('batch-download').href).then(r => r.text()).then(done);");
        assertThat(result.toString().lines().count()).isEqualTo(150);
        screenshot("console-batch");
    }
}
