package dev.locreview.fleet;

import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.locreview.HttpTestSupport;
import dev.locreview.cli.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys in the store, created and revoked from the command line (against the configured datasource, here the
 * running service's in-memory H2) and through /api/v1/keys: accepted and refused without a restart.
 */
class StoredKeysTest extends HttpTestSupport {

    private static final String STORE = "jdbc:h2:mem:locreview-stored-keys;DB_CLOSE_DELAY=-1";
    private static final Pattern KEY = Pattern.compile("(lr_[A-Za-z0-9_-]{43})");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> STORE);
    }

    @Test
    void aKeyCreatedOnTheCommandLineIsAcceptedAndRevokedIsRefusedWithoutARestart() throws Exception {
        CliRun created = cli("keys", "create", "--name", "cli-alice", "--spring.datasource.url=" + STORE);
        assertThat(created.exit()).as(created.out()).isZero();
        String key = key(created);
        awaitStatus(key, "/api/v1/reviews", s -> s == 200);

        CliRun listed = cli("keys", "list", "--spring.datasource.url=" + STORE);
        assertThat(listed.out()).contains("cli-alice", "REVIEWER", "cli:").doesNotContain(key);

        CliRun revoked = cli("keys", "revoke", "--name", "cli-alice", "--spring.datasource.url=" + STORE);
        assertThat(revoked.exit()).as(revoked.out()).isZero();
        awaitStatus(key, "/api/v1/reviews", s -> s == 401);
        assertThat(cli("keys", "revoke", "--name", "cli-alice", "--spring.datasource.url=" + STORE).exit())
                .as("nothing left to revoke").isEqualTo(1);
        assertThat(cli("keys", "create", "--name", "x", "--role", "ROOT", "--spring.datasource.url=" + STORE).exit())
                .isEqualTo(2);
    }

    @Test
    void aKeysAdminCreatesListsAndRevokesKeysOverHttp() throws Exception {
        String admin = key(cli("keys", "create", "--name", "cli-keys-admin", "--role", "KEYS_ADMIN",
                "--spring.datasource.url=" + STORE));
        awaitStatus(admin, "/api/v1/keys", s -> s == 200);
        assertThat(as(REVIEWER_KEY, getRequest("/api/v1/keys")).status()).isEqualTo(403);
        assertThat(as(REVIEWER_KEY, getRequest("/api/v1/keys")).body().path("title").asText())
                .isEqualTo("Role KEYS_ADMIN required");

        Reply created = as(admin, postJson("/api/v1/keys", "{\"name\":\"http-bob\",\"roles\":[\"REVIEWER\"]}"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String bob = created.body().path("key").asText();
        assertThat(as(bob, getRequest("/api/v1/reviews")).status()).as("at once on this instance").isEqualTo(200);
        Reply listed = as(admin, getRequest("/api/v1/keys"));
        assertThat(listed.body().findValuesAsText("name")).contains("http-bob", "cli-keys-admin");
        assertThat(listed.raw()).doesNotContain(bob).doesNotContain(dev.locreview.security.ApiKeys.sha256(bob));
        assertThat(as(admin, postJson("/api/v1/keys", "{\"name\":\"bad name!\"}")).status()).isEqualTo(400);

        Reply revoked = as(admin, java.net.http.HttpRequest.newBuilder(uri("/api/v1/keys/http-bob")).DELETE());
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
        assertThat(as(bob, getRequest("/api/v1/reviews")).status()).isEqualTo(401);
        assertThat(as(admin, java.net.http.HttpRequest.newBuilder(uri("/api/v1/keys/http-bob")).DELETE()).status())
                .isEqualTo(404);
        assertThat(as(REVIEWER_KEY, getRequest("/api/v1/reviews")).status()).as("bootstrap keys work on").isEqualTo(200);
    }

    private void awaitStatus(String key, String path, IntPredicate wanted) throws InterruptedException {
        int status = 0;
        for (int i = 0; i < 50 && !wanted.test(status); i++) {
            Thread.sleep(100);
            status = as(key, getRequest(path)).status();
        }
        assertThat(wanted.test(status)).as("status %d within 5 s", status).isTrue();
    }

    private static String key(CliRun run) {
        Matcher m = KEY.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        return m.group(1);
    }

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }
}
