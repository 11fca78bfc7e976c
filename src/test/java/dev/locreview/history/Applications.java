package dev.locreview.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The largest valid applications: five categories and 2,000 characters of lexicon phrases. */
final class Applications {

    static final List<String> FIVE_CATEGORIES = List.of("交通服务-代驾", "餐饮-外卖平台", "商家自营-百货", "生活服务-跑腿",
            "汽车服务-维修保养");

    private Applications() {
    }

    /** Every phrase of rules/reading/lexicon.yaml, in file order, repeated until 2,000 characters. */
    static String lexiconDenseReason() throws IOException {
        String yaml = Files.readString(Path.of("rules/reading/lexicon.yaml"));
        List<String> phrases = new ArrayList<>();
        Matcher lists = Pattern.compile("phrases: \\[([^\\]]*)\\]").matcher(yaml);
        while (lists.find()) {
            for (String phrase : lists.group(1).split(",")) {
                phrases.add(phrase.strip());
            }
        }
        StringBuilder reason = new StringBuilder();
        for (int i = 0; reason.length() + phrases.get(i % phrases.size()).length() <= 2000; i++) {
            reason.append(phrases.get(i % phrases.size()));
        }
        return reason + "。".repeat(2000 - reason.length());
    }

    /** The most scenarios a reason can hold: a two-character phrase a thousand times. */
    static String oneScenarioPerTwoCharacters() {
        return "打卡".repeat(1000);
    }

    static ObjectNode application(ObjectMapper json, String appId, String reason) {
        ObjectNode body = json.createObjectNode().put("api", "wx.getLocation");
        FIVE_CATEGORIES.forEach(body.putArray("categories")::add);
        return body.put("reason", reason).put("appId", appId).put("appName", "名".repeat(100));
    }
}
