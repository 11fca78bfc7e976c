package dev.locreview.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.locreview.ForbiddenDrl;
import dev.locreview.HttpTestSupport;
import dev.locreview.RulesFolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule set is data, not code: DRL that would run code of its own is refused on reload and on preview
 * (422, naming file, line and what is not allowed), the old set keeps answering, and nothing it tried ran.
 * Uploads are bounded and malformed ones are refused by name; only a RULES_ADMIN key may change rules.
 */
class RuleSandboxTest extends HttpTestSupport {

    static final Path RULES = RulesFolder.copy();
    private static final String DRIVING = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
            + "\"scenarios\":[\"DESIGNATED_DRIVING\"]}";

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        registry.add("locreview.rules-dir", RULES::toString);
        // A store of its own: what this test activates must not become the other test contexts' rule set.
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:locreview-rules-sandbox;DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void removeTheEvilFile() throws IOException {
        Files.deleteIfExists(RULES.resolve(ForbiddenDrl.FILE));
    }

    @Test
    void reloadRefusesEveryForbiddenDrlWithFileAndLineAndKeepsTheOldSet() throws Exception {
        String live = get("/api/v1/rules").body().path("version").asText();
        for (ForbiddenDrl.Case evil : ForbiddenDrl.CASES) {
            Files.writeString(RULES.resolve(ForbiddenDrl.FILE), evil.drl());
            Reply refused = as(RULES_ADMIN_KEY, postJson("/api/v1/rules/reload", ""));
            assertThat(refused.status()).as(evil.name() + ": " + refused.raw()).isEqualTo(422);
            assertThat(refused.body().path("problems").toString()).as(evil.name())
                    .contains(ForbiddenDrl.FILE + ":" + evil.line() + ":").contains(evil.says());
            assertThat(refused.body().path("liveVersion").asText()).isEqualTo(live);
        }
        assertAliveAndUntouched(live);
    }

    @Test
    void previewRefusesEveryForbiddenDrlAsAProblem() throws Exception {
        String live = get("/api/v1/rules").body().path("version").asText();
        for (ForbiddenDrl.Case evil : ForbiddenDrl.CASES) {
            Path candidate = RulesFolder.copy();
            Files.writeString(candidate.resolve(ForbiddenDrl.FILE), evil.drl());
            Reply refused = preview(RulesFolder.zip(candidate));
            assertThat(refused.status()).as(evil.name() + ": " + refused.raw()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("problems").toString()).as(evil.name())
                    .contains(ForbiddenDrl.FILE + ":" + evil.line() + ":").contains(evil.says());
        }
        assertAliveAndUntouched(live);
    }

    @Test
    void aRuleThatReactivatesItselfIsStoppedByTheFireBudget() throws Exception {
        String live = get("/api/v1/rules").body().path("version").asText();
        Files.writeString(RULES.resolve(ForbiddenDrl.FILE), ForbiddenDrl.SELF_REACTIVATING.drl());
        long start = System.nanoTime();
        Reply refused = as(RULES_ADMIN_KEY, postJson("/api/v1/rules/reload", ""));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.body().path("problems").toString()).contains("exceeded its fire budget", "casebook ");
        assertThat((System.nanoTime() - start) / 1_000_000_000.0).isLessThan(60);

        Path candidate = RulesFolder.copy();
        Files.writeString(candidate.resolve(ForbiddenDrl.FILE), ForbiddenDrl.SELF_REACTIVATING.drl());
        as(REVIEWER_KEY, postJson("/api/v1/reviews", DRIVING));
        Reply preview = preview(RulesFolder.zip(candidate));
        assertThat(preview.status()).as(preview.raw()).isEqualTo(422);
        assertThat(preview.body().path("problems").toString()).contains("exceeded its fire budget");
        assertAliveAndUntouched(live);
    }

    @Test
    void malformedZipsAreRefusedByNameNeverA500() throws Exception {
        byte[] good = RulesFolder.zip(RulesFolder.copy());
        assertRefused(new byte[0], "the body is empty");
        assertRefused("not a zip".getBytes(), "not a zip");
        assertRefused(Arrays.copyOf(good, good.length / 2), "corrupt or truncated");
        byte[] corrupt = good.clone();
        for (int i = 200; i < 2000; i++) {
            corrupt[i] ^= 0x5a;
        }
        assertRefused(corrupt, "corrupt or truncated");
        assertRefused(zip("rules/data/\0evil.yaml"), "NUL or control character");
        assertRefused(zip("rules/" + "x".repeat(300)), "longer than 200");
        assertRefused(zip("../../etc/evil.drl"), "climbs out");
        assertRefused(zip("/etc/evil.drl"), "absolute");
        assertRefused(zip("rules/only.txt"), "no rules folder");
    }

    @Test
    void aPreviewBodyMayBeARealRuleSetButNotMoreThanTwoMebibytes() throws Exception {
        Path candidate = RulesFolder.copy();
        byte[] noise = new byte[300 * 1024];
        new Random(7).nextBytes(noise);
        Files.write(candidate.resolve("notes.bin"), noise);
        byte[] zip = RulesFolder.zip(candidate);
        assertThat(zip.length).as("over the 64 KiB of a JSON body").isGreaterThan(64 * 1024);
        Reply accepted = preview(zip);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);

        Reply tooLarge = preview(new byte[2 * 1024 * 1024 + 1]);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.body().path("field").asText()).isEqualTo("body");
    }

    @Test
    void onlyARulesAdminMayReloadOrPreviewAndARulesAdminIsNoReviewer() {
        Reply reviewerReload = as(REVIEWER_KEY, postJson("/api/v1/rules/reload", ""));
        assertThat(reviewerReload.status()).isEqualTo(403);
        assertThat(reviewerReload.contentType()).startsWith("application/problem+json");
        assertThat(reviewerReload.body().path("detail").asText()).contains("RULES_ADMIN");
        Reply reviewerPreview = as(REVIEWER_KEY, HttpRequest.newBuilder(uri("/api/v1/rules/preview"))
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1])));
        assertThat(reviewerPreview.status()).isEqualTo(403);
        assertThat(as(RULES_ADMIN_KEY, postJson("/api/v1/rules/reload", "")).status()).isEqualTo(200);
        Reply adminHistory = as(RULES_ADMIN_KEY, getRequest("/api/v1/reviews"));
        assertThat(adminHistory.status()).isEqualTo(403);
        assertThat(adminHistory.body().path("detail").asText()).contains("REVIEWER");
    }

    private void assertAliveAndUntouched(String live) throws IOException {
        Reply decided = as(REVIEWER_KEY, postJson("/api/v1/reviews", DRIVING));
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body().path("rulesVersion").asText()).isEqualTo(live);
        assertThat(get("/api/v1/rules").body().path("version").asText()).isEqualTo(live);
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(ForbiddenDrl.MARKER));
        }
        assertThat(Files.exists(Path.of("/tmp/" + ForbiddenDrl.MARKER + "-nio"))).isFalse();
    }

    private void assertRefused(byte[] zip, String says) {
        Reply refused = preview(zip);
        assertThat(refused.status()).as(says + ": " + refused.raw()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("detail").asText()).contains(says);
    }

    private Reply preview(byte[] zip) {
        return as(RULES_ADMIN_KEY, HttpRequest.newBuilder(uri("/api/v1/rules/preview"))
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
    }

    private static byte[] zip(String entryName) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write("x".getBytes());
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
