package dev.locreview.fleet;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.locreview.RulesFolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances — two separate JVMs, as a deployment runs them — on one PostgreSQL (a schema of their own in
 * the test database): a rule set activated through one answers on both within 5 s, and a rollback through the
 * other too; a key created on one works on the other and, revoked, is refused there within 5 s; the
 * anonymous limit is one limit across both; a decision stored by one is read through the other; and killing
 * one (SIGKILL) loses no decision it answered. Runs where PostgreSQL is given (always in CI).
 */
@EnabledIf("dev.locreview.history.PostgresHistoryApiTest#postgresGiven")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetTest {

    private static final String ADMIN_KEY = "lr_test-reviewer-key";
    private static final String ADMIN_HASH = "4487893e028f8d97c72ceed852ce18c008b073864dda6a094158a6955e523fb1";
    private static final int ANONYMOUS_LIMIT = 10;
    private static final long PROPAGATION_MS = 5_000;
    private static final String DRIVING = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
            + "\"scenarios\":[\"DESIGNATED_DRIVING\"],\"appId\":\"wxfleet\"}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String schema;
    private static Instance a;
    private static Instance b;

    record Reply(int status, JsonNode body, String raw) {
    }

    /** One instance: its JVM and its port. */
    record Instance(String name, Process process, int port) {

        Reply send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode body;
                try {
                    body = JSON.readTree(response.body());
                } catch (IOException notJson) {
                    body = JSON.nullNode();
                }
                return new Reply(response.statusCode(), body, response.body());
            } catch (IOException e) {
                throw new IllegalStateException(name + " did not answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
        }

        Reply get(String path, String key) {
            return send(request(path).header("X-API-Key", key).GET());
        }

        Reply post(String path, String key, String json) {
            HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            return send(key == null ? request : request.header("X-API-Key", key));
        }

        Reply review(String key) {
            return post("/api/v1/reviews", key, DRIVING);
        }
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        schema = "fleet_" + System.currentTimeMillis();
        try (Connection db = database()) {
            db.createStatement().execute("CREATE SCHEMA " + schema);
        }
        Process first = start("a");
        Process second = start("b");
        a = awaitHealthy(first, "a");
        b = awaitHealthy(second, "b");
    }

    @AfterAll
    static void stop() throws Exception {
        for (Instance instance : new Instance[] {a, b}) {
            if (instance != null) {
                instance.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        try (Connection db = database()) {
            db.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    @Order(1)
    void aDecisionStoredByOneIsInTheHistoryReadThroughTheOther() {
        Reply decided = a.review(ADMIN_KEY);
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        String id = decided.body().path("decisionId").asText();
        Reply stored = b.get("/api/v1/reviews/" + id, ADMIN_KEY);
        assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
        assertThat(stored.raw()).contains(id, "wxfleet");
        assertThat(b.get("/api/v1/reviews?appId=wxfleet", ADMIN_KEY).raw()).contains(id);
    }

    @Test
    @Order(2)
    void aVersionActivatedThroughOneAnswersOnBothWithinFiveSecondsAndARollbackThroughTheOtherToo() throws Exception {
        String seed = a.get("/api/v1/rules/versions", ADMIN_KEY).body().path("active").path("version").asText();
        assertThat(seed).hasSize(16);
        assertThat(b.review(ADMIN_KEY).body().path("rulesVersion").asText()).isEqualTo(seed);

        Path candidate = RulesFolder.copy();
        Files.writeString(candidate.resolve("10-getlocation.drl"), "\n// fleet test\n", StandardOpenOption.APPEND);
        Reply uploaded = a.send(a.request("/api/v1/rules/versions").header("X-API-Key", ADMIN_KEY)
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(RulesFolder.zip(candidate))));
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
        String next = uploaded.body().path("version").asText();
        assertThat(next).hasSize(16).isNotEqualTo(seed);
        assertThat(b.get("/api/v1/rules/versions", ADMIN_KEY).raw()).as("stored, listed on both").contains(next);
        assertThat(b.review(ADMIN_KEY).body().path("rulesVersion").asText()).as("not active yet").isEqualTo(seed);

        // Each instance compiles an upload ahead (a few seconds), so that its activation is a swap.
        for (Instance instance : new Instance[] {a, b}) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!rulesHealth(instance).path("prepared").toString().contains(next)) {
                assertThat(System.nanoTime()).as("%s compiles the upload ahead", instance.name()).isLessThan(deadline);
                Thread.sleep(100);
            }
        }

        long activated = System.nanoTime();
        Reply activation = a.post("/api/v1/rules/versions/" + next + "/activate", ADMIN_KEY, "");
        assertThat(activation.status()).as(activation.raw()).isEqualTo(200);
        assertThat(a.review(ADMIN_KEY).body().path("rulesVersion").asText()).isEqualTo(next);
        long followed = awaitWithin(activated,
                () -> b.review(ADMIN_KEY).body().path("rulesVersion").asText().equals(next));
        System.out.printf("fleet: activation on a answered on b after %d ms%n", followed);
        JsonNode health = rulesHealth(b);
        assertThat(health.path("version").asText()).isEqualTo(next);
        assertThat(health.path("activeVersion").asText()).isEqualTo(next);
        assertThat(health.path("answeringWithActive").asBoolean()).isTrue();

        long rolledBack = System.nanoTime();
        assertThat(b.post("/api/v1/rules/versions/" + seed + "/activate", ADMIN_KEY, "").status()).isEqualTo(200);
        long followedBack = awaitWithin(rolledBack,
                () -> a.review(ADMIN_KEY).body().path("rulesVersion").asText().equals(seed));
        System.out.printf("fleet: rollback on b answered on a after %d ms%n", followedBack);
        assertThat(a.get("/api/v1/rules/versions", ADMIN_KEY).body().path("activations").findValuesAsText("version"))
                .startsWith(seed, next, seed);
    }

    @Test
    @Order(3)
    void aKeyCreatedOnOneWorksOnTheOtherAndRevokedOnOneIsRefusedByTheOther() {
        Reply created = a.post("/api/v1/keys", ADMIN_KEY, "{\"name\":\"fleet-reviewer\",\"roles\":[\"REVIEWER\"]}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String key = created.body().path("key").asText();
        awaitWithin(System.nanoTime(), () -> b.review(key).status() == 200);

        long revoked = System.nanoTime();
        assertThat(a.send(a.request("/api/v1/keys/fleet-reviewer").header("X-API-Key", ADMIN_KEY).DELETE()).status())
                .isEqualTo(200);
        long refused = awaitWithin(revoked, () -> b.review(key).status() == 401);
        System.out.printf("fleet: key revoked on a refused on b after %d ms%n", refused);
        assertThat(a.review(key).status()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void theAnonymousLimitIsOneLimitAcrossBoth() {
        int answered = 0;
        int limited = 0;
        for (int i = 0; i < 3 * ANONYMOUS_LIMIT; i++) {
            Reply reply = (i % 2 == 0 ? a : b).review(null);
            answered += reply.status() == 200 ? 1 : 0;
            limited += reply.status() == 429 ? 1 : 0;
        }
        assertThat(answered).as("the sum across both instances").isEqualTo(ANONYMOUS_LIMIT);
        assertThat(limited).isEqualTo(2 * ANONYMOUS_LIMIT);
    }

    @Test
    @Order(5)
    void killingOneLosesNoAnsweredDecision() throws Exception {
        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> {
                while (!killed.get()) {
                    try {
                        Reply reply = a.review(ADMIN_KEY);
                        if (reply.status() == 200) {
                            answered.add(reply.body().path("decisionId").asText());
                        }
                    } catch (IllegalStateException gone) {
                        return;
                    }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (answered.size() < 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        a.process().destroyForcibly(); // SIGKILL: no shutdown hooks
        a.process().waitFor(10, TimeUnit.SECONDS);
        killed.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(answered).hasSizeGreaterThanOrEqualTo(200);
        List<String> missing = new ArrayList<>();
        for (String id : answered) {
            if (b.get("/api/v1/reviews/" + id, ADMIN_KEY).status() != 200) {
                missing.add(id);
            }
        }
        assertThat(missing).as("answered by a, missing through b after a was killed (of %d)", answered.size()).isEmpty();
        assertThat(b.review(ADMIN_KEY).status()).as("the other instance answers on").isEqualTo(200);
    }

    /** The milliseconds from `since` (System.nanoTime) until the condition held, which must be at most 5 s. */
    private static long awaitWithin(long since, java.util.function.BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since)).as("within %d ms", PROPAGATION_MS)
                    .isLessThanOrEqualTo(PROPAGATION_MS);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
        assertThat(elapsed).as("within %d ms", PROPAGATION_MS).isLessThanOrEqualTo(PROPAGATION_MS);
        return elapsed;
    }

    private static JsonNode rulesHealth(Instance instance) {
        return instance.get("/actuator/health", ADMIN_KEY).body().path("components").path("rules").path("details");
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getenv("LOCREVIEW_TEST_POSTGRES_URL"), user(), password());
    }

    private static String user() {
        return System.getenv().getOrDefault("LOCREVIEW_TEST_POSTGRES_USER", "locreview");
    }

    private static String password() {
        return System.getenv().getOrDefault("LOCREVIEW_TEST_POSTGRES_PASSWORD", "locreview");
    }

    private static Process start(String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = System.getenv("LOCREVIEW_TEST_POSTGRES_URL");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "dev.locreview.LocreviewApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--spring.datasource.username=" + user(),
                "--spring.datasource.password=" + password(),
                "--locreview.rate-limit.capacity=" + ANONYMOUS_LIMIT,
                "--locreview.rate-limit.period=1h",
                "--locreview.security.keys[0].name=fleet-admin",
                "--locreview.security.keys[0].sha256=" + ADMIN_HASH,
                "--locreview.security.keys[0].roles=REVIEWER,RULES_ADMIN,KEYS_ADMIN");
        Path log = Path.of("target", "fleet-" + name + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).directory(new File(".")).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        PORTS.put(process, port);
        return process;
    }

    private static final java.util.Map<Process, Integer> PORTS = new ConcurrentHashMap<>();

    private static Instance awaitHealthy(Process process, String name) throws Exception {
        Instance instance = new Instance(name, process, PORTS.get(process));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Predicate<Instance> healthy = i -> {
            try {
                return HTTP.send(i.request("/actuator/health").GET().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
        while (!healthy.test(instance)) {
            assertThat(process.isAlive()).as("instance %s exited: see target/fleet-%s.log", name, name).isTrue();
            assertThat(System.nanoTime()).as("instance %s healthy in time", name).isLessThan(deadline);
            Thread.sleep(200);
        }
        return instance;
    }
}
