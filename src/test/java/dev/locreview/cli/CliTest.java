package dev.locreview.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.locreview.ForbiddenDrl;
import dev.locreview.RulesFolder;
import dev.locreview.reading.WordCache;
import dev.locreview.security.ApiKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as the README shows it: check, casebook, rules validate, keys create; with exit codes. */
class CliTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** The jar's main as a user runs it: a mistyped word gets the usage and exit 2, and never starts the server. */
    @Test
    void aMistypedWordGetsTheUsageInsteadOfAServer() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                "dev.locreview.LocreviewApplication", "chekc").redirectErrorStream(true).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as("a mistyped word must not start the server").isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(out).contains("Unmatched argument", "chekc", "Did you mean: locreview check");
        assertThat(run("help").exit()).isZero();
    }

    @Test
    void checkDecidesAnApplicationFile() throws Exception {
        Path approve = dir.resolve("app.json");
        Files.writeString(approve, "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
                + "\"reason\":\"用户酒后叫代驾，需要获取用户精确位置作为司机接驾点。\"}");
        CliRun approved = run("check", approve.toString());
        assertThat(approved.exit()).isZero();
        assertThat(approved.out()).contains("APPROVE wx.getLocation (GL1)", "DESIGNATED_DRIVING", "outlook: AT_RISK",
                "[PASS] CATEGORY", "[PASS] SCENARIO", "[WARN] EVIDENCE", "attach: 小程序内代驾下单页的截图");

        Path queue = dir.resolve("queue.jsonl");
        Files.writeString(queue, "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],\"scenarios\":"
                + "[\"DESIGNATED_DRIVING\"]}\n{\"api\":\"wx.onLocationChange\",\"categories\":[\"新闻资讯-综合资讯\"]}\n");
        CliRun mixed = run("check", queue.toString());
        assertThat(mixed.exit()).isEqualTo(1);
        assertThat(mixed.out()).contains("#1 APPROVE", "#2 REJECT wx.onLocationChange (R3)");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"api\":\"wx.getLocation\",\"categories\":[\"不存在-类目\"]}");
        CliRun invalid = run("check", bad.toString());
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.out()).contains("INVALID categories[0].level1");
    }

    /** The reading's words are read back on the next run, by check and by rules validate; the log says so on standard error, not among the answers. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void checkKeepsTheReadingsWordsForItsNextRunAndLogsOnlyToStandardError(CapturedOutput output) throws Exception {
        Path app = dir.resolve("app.json");
        Files.writeString(app, "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
                + "\"reason\":\"用户酒后叫代驾，需要获取用户精确位置作为司机接驾点。\"}");
        Path words = dir.resolve("words");
        Path before = WordCache.directory();
        try {
            CliRun first = run("check", "--json", "--cache-dir", words.toString(), app.toString());
            CliRun second = run("check", "--json", "--cache-dir", words.toString(), app.toString());
            try (var kept = Files.list(words)) {
                assertThat(kept.toList()).hasSize(1);
            }
            assertThat(output.getErr()).contains("Built the reading's words",
                    "Read the reading's words from " + words.toAbsolutePath());
            for (CliRun run : java.util.List.of(first, second)) {
                assertThat(run.exit()).isZero();
                // one line, one decision: nothing else on standard output
                var decision = dev.locreview.casebook.CaseRunner.JSON.readTree(run.out().strip());
                assertThat(decision.get("decision").asText()).isEqualTo("APPROVE");
                assertThat(decision.get("clause").asText()).isEqualTo("GL1");
            }
            // rules validate keeps them in the same place: the third run reads them too (from its own option: the
            // directory the runs above set in this JVM is unset first)
            WordCache.useDirectory(null);
            CliRun validate = run("rules", "validate", "--cache-dir", words.toString(), "--casebook", "casebook/policy", "rules");
            assertThat(validate.exit()).isZero();
            assertThat(validate.out()).startsWith("valid: ");
            assertThat(output.getErr().split("Read the reading's words from " + java.util.regex.Pattern.quote(
                    words.toAbsolutePath().toString()), -1)).hasSize(3);
        } finally {
            WordCache.useDirectory(java.util.Objects.toString(before, null));
        }
    }

    @Test
    void casebookRunsAFolderWithAPassFailTableAndCoverage() {
        CliRun run = run("casebook", "casebook/policy");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("pass   1-getLocation-1-transport", "Rule coverage", "15 passed, 0 failed");
    }

    @Test
    void casebookFailsWhenACaseFails() throws Exception {
        Path cases = dir.resolve("cases");
        Files.createDirectories(cases);
        Files.writeString(cases.resolve("wrong.yaml"), """
                topic: a case that must fail
                cases:
                - name: wrong
                  input: {api: wx.getLocation, categories: [教育-在线教育]}
                  want: {decision: APPROVE}
                """);
        CliRun run = run("casebook", cases.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL   wrong", "0 passed, 1 failed");
    }

    @Test
    void rulesValidateNamesAnUnknownSignalInASetOfKinds() throws Exception {
        Path broken = RulesFolder.copy();
        Path drl = broken.resolve("30-rejections.drl");
        String text = Files.readString(drl);
        String kinds = "kind in (\"FOREGROUND\", \"FOREGROUND_ENOUGH\", \"STOPS\")";
        assertThat(text).contains(kinds);
        Files.writeString(drl, text.replace(kinds, "kind in (\"FOREGROUND\", \"FOREGROUND_ENUF\", \"STOPZ\")"));
        CliRun run = run("rules", "validate", broken.toString());
        assertThat(run.exit()).isEqualTo(1);
        // a signal whose name looks like a scenario code is still checked as a signal
        assertThat(run.out()).containsPattern("30-rejections.drl:\\d+: unknown signal STOPZ")
                .containsPattern("30-rejections.drl:\\d+: unknown signal FOREGROUND_ENUF")
                .doesNotContain("unknown scenario code");
    }

    @Test
    void rulesValidateNamesFileAndLine() throws Exception {
        assertThat(run("rules", "validate", "rules").exit()).isZero();
        Path broken = RulesFolder.copy();
        Files.writeString(broken.resolve("30-rejections.drl"), "rule \"x\" when then nonsense( end\n",
                java.nio.file.StandardOpenOption.APPEND);
        CliRun run = run("rules", "validate", broken.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).containsPattern("30-rejections.drl:\\d+");
    }

    /** `rules validate` on a copy of the rules whose file (relative to the folder) was edited so. */
    private static CliRun validateEdited(String file, java.util.function.UnaryOperator<String> edit) throws Exception {
        Path copy = RulesFolder.copy();
        Path edited = copy.resolve(file);
        Files.writeString(edited, edit.apply(Files.readString(edited)));
        return run("rules", "validate", copy.toString());
    }

    @Test
    void rulesValidateNamesACueListTheSetLacks() throws Exception {
        CliRun run = validateEdited("reading/cues.yaml", cues -> cues.replaceAll("(?m)^people:.*$", ""));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("cues.yaml: `people` is missing");
    }

    @Test
    void rulesValidateNamesACueKindsListTheSetLacksAndAListItDoesNotKnow() throws Exception {
        // (the whole list, over the lines it runs on)
        CliRun missing = validateEdited("reading/cues.yaml", cues -> cues.replaceAll("(?ms)^correction:.*?\\]$", ""));
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).contains("cues.yaml: `correction` is missing");
        CliRun unknown = validateEdited("reading/cues.yaml", cues -> cues + "\ncorection: [更正]\n");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.out()).contains("cues.yaml: `corection` is not a list of cues.yaml");
    }

    @Test
    void rulesValidateRefusesAWordFamilyBuiltOfItselfOrWithoutBound() throws Exception {
        CliRun run = validateEdited("reading/concepts.yaml", concepts -> concepts.replace("  PERSON: [", "  PERSON: [又$PERSON, "));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("word family $PERSON is built of itself");

        run = validateEdited("reading/cues.yaml", cues -> cues.replace("ahead: [", "ahead: [$NAVIGATE$NAVIGATE$NAVIGATE, "));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("builds more than 20000 words");
    }

    /** Sessions are reused between decisions: a rule that needs no fact of the decision would fire only once. */
    @Test
    void rulesValidateRefusesARuleThatMatchesNoFactOfTheDecision() throws Exception {
        CliRun run = validateEdited("50-gates.drl", gates -> gates.replace("""
                when
                    Application()
                    not GateCheck( failed || warned )""", """
                when
                    not GateCheck( failed || warned )"""));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("a rule must match a fact of the decision",
                "50-gates.drl: rule \"V-OK every gate passed\"");
    }

    /**
     * The same application decided again and again in one process gets the same answer each time (a reused
     * session keeps nothing of the last decision); and a table-decided rejection names the APIs whose tables do
     * open the category.
     */
    @Test
    void checkDecidesTheSameApplicationAlikeEachTime() throws Exception {
        String approve = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],\"scenarios\":[\"DESIGNATED_DRIVING\"],"
                + "\"attachments\":{\"images\":2,\"video\":true}}";
        String background = "{\"api\":\"wx.startLocationUpdateBackground\",\"categories\":[\"生活服务-家政\"],"
                + "\"reason\":\"家政阿姨上门服务途中，后台持续上报阿姨位置，用户在地图上实时看到阿姨走到哪了。\"}";
        Path queue = dir.resolve("again.jsonl");
        Files.writeString(queue, String.join("\n", approve, background, approve, background, approve) + "\n");
        CliRun run = run("check", queue.toString());
        String[] items = run.out().split("#\\d+ ");
        assertThat(items).hasSize(6);
        assertThat(items[1]).startsWith("APPROVE").isEqualTo(items[3]).isEqualTo(items[5]);
        assertThat(items[2]).startsWith("REJECT").isEqualTo(items[4]).contains("(RT)", "outlook: LIKELY_REJECTED",
                "该类目在以下接口的开放类目表内：wx.getLocation、wx.onLocationChange、wx.startLocationUpdate。");
    }

    @Test
    void rulesValidateRefusesDrlThatWouldRunCodeNamingFileAndLine() throws Exception {
        for (ForbiddenDrl.Case evil : ForbiddenDrl.CASES) {
            Path candidate = RulesFolder.copy();
            Files.writeString(candidate.resolve(ForbiddenDrl.FILE), evil.drl());
            CliRun run = run("rules", "validate", candidate.toString());
            assertThat(run.exit()).as(evil.name()).isEqualTo(1);
            assertThat(run.out()).as(evil.name()).contains("problem: " + ForbiddenDrl.FILE + ":" + evil.line() + ":")
                    .contains(evil.says());
        }
        Path looping = RulesFolder.copy();
        Files.writeString(looping.resolve(ForbiddenDrl.FILE), ForbiddenDrl.SELF_REACTIVATING.drl());
        CliRun run = run("rules", "validate", looping.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("exceeded its fire budget");
    }

    @Test
    void rulesValidateRefusesASetOverItsTimeBudget() {
        CliRun run = run("rules", "validate", "rules", "--time-budget", "PT0.001S");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("rule set exceeded its time budget: the casebook took more than");
    }

    @Test
    void keysCreateGivesTheRolesAsked() throws Exception {
        Path file = dir.resolve("keys.properties");
        assertThat(run("keys", "create", "--name", "carol", "--role", "RULES_ADMIN", "--file", file.toString()).exit())
                .isZero();
        assertThat(run("keys", "create", "--name", "dave", "--role", "REVIEWER,RULES_ADMIN", "--file",
                file.toString()).exit()).isZero();
        assertThat(run("keys", "create", "--name", "eve", "--role", "ROOT", "--file", file.toString()).exit())
                .isEqualTo(2);
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(Files.readString(file)));
        assertThat(properties.getProperty("locreview.security.keys[0].roles")).isEqualTo("RULES_ADMIN");
        assertThat(properties.getProperty("locreview.security.keys[1].roles")).isEqualTo("REVIEWER,RULES_ADMIN");
        assertThat(properties.getProperty("locreview.security.keys[2].name")).isNull();
    }

    @Test
    void keysCreateStoresOnlyTheHash() throws Exception {
        Path file = dir.resolve("keys.properties");
        CliRun run = run("keys", "create", "--name", "alice", "--file", file.toString());
        assertThat(run.exit()).isZero();
        String key = run.out().strip();
        assertThat(key).startsWith("lr_");
        String stored = Files.readString(file);
        assertThat(stored).doesNotContain(key).contains(ApiKeys.sha256(key));
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(stored));
        assertThat(properties.getProperty("locreview.security.keys[0].name")).isEqualTo("alice");
        assertThat(properties.getProperty("locreview.security.keys[0].roles")).isEqualTo("REVIEWER");
        run("keys", "create", "--name", "bob", "--file", file.toString());
        properties.load(new java.io.StringReader(Files.readString(file)));
        assertThat(properties.getProperty("locreview.security.keys[1].name")).isEqualTo("bob");
    }
}
