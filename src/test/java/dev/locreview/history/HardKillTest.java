package dev.locreview.history;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service is killed hard (SIGKILL) while decisions are being written; after a restart on the same
 * H2 file, every decision whose response the client received is in the store.
 */
class HardKillTest {

    private static final String KEY = "lr_test-reviewer-key";
    private static final String KEY_HASH = "4487893e028f8d97c72ceed852ce18c008b073864dda6a094158a6955e523fb1";
    private static final Pattern ID = Pattern.compile("\"decisionId\":\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void everyAnsweredDecisionSurvivesKillNine() throws Exception {
        int port = freePort();
        Process service = start(port, "first");
        Set<String> answered = ConcurrentHashMap.newKeySet();
        try {
            awaitHealthy(port, service);
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int c = 0; c < 4; c++) {
                clients.submit(() -> {
                    for (int i = 0; i < 5_000 && !killed.get(); i++) {
                        try {
                            HttpResponse<String> reply = HTTP.send(review(port), HttpResponse.BodyHandlers.ofString());
                            Matcher m = ID.matcher(reply.body());
                            if (reply.statusCode() == 200 && m.find()) {
                                answered.add(m.group(1));
                            }
                        } catch (IOException e) {
                            return; // the service is gone
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (answered.size() < 300 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            service.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
            service.waitFor(10, TimeUnit.SECONDS);
            killed.set(true);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
        } finally {
            service.destroyForcibly();
        }
        assertThat(answered).hasSizeGreaterThanOrEqualTo(300);

        Process restarted = start(port, "second");
        try {
            awaitHealthy(port, restarted);
            List<String> missing = new ArrayList<>();
            for (String id : answered) {
                HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/reviews/" + id)).header("X-API-Key", KEY)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (stored.statusCode() != 200) {
                    missing.add(id);
                }
            }
            assertThat(missing).as("answered decisions missing after kill -9 (of %d)", answered.size()).isEmpty();
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static HttpRequest review(int port) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reviews"))
                .header("Content-Type", "application/json").header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
                        + "\"reason\":\"用户酒后叫代驾，需要获取精确位置作为接驾点。\",\"appId\":\"wxkill\"}"))
                .build();
    }

    private Process start(int port, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.locreview.LocreviewApplication",
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";WRITE_DELAY=0",
                "--locreview.security.keys[0].name=killer",
                "--locreview.security.keys[0].sha256=" + KEY_HASH);
        Path log = Path.of("target", "hard-kill-" + name + ".log");
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).directory(new File(".")).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private static void awaitHealthy(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited: see target/hard-kill-*.log");
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not become healthy in time");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
