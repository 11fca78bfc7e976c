package dev.locreview;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar started the way the README deploys it, on the bean definitions generated ahead of time
 * (-Dspring.aot.enabled=true): it answers a review, and a switch of the service's own (locreview.rules-watch),
 * which an ahead-of-time build would fix if it were a bean condition, still takes effect; with the production
 * flags, rule reloads fit the heap. Runs in `verify`, after `package` has built the jar and its generated classes.
 */
class AotStartIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void thePackagedJarStartsAheadOfTimeAndDecides() throws Exception {
        int port = freePort();
        Path log = Path.of("target", "aot-start.log");
        Process service = start(port, List.of("-Xmx160m", "-Dfile.encoding=UTF-8"), log, "--spring.datasource.url=jdbc:h2:mem:aot",
                "--locreview.rules-watch=true");
        try {
            HttpResponse<String> reply = answer(service, review(port), log);
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.body()).contains("\"decision\":\"APPROVE\"").contains("\"clause\":\"GL1\"");
            assertThat(Files.readString(log)).contains("Starting AOT-processed LocreviewApplication")
                    .contains("Watching").contains("for rule changes");
        } finally {
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * With the production flags (pom.xml `locreview.jvm`), a reload holds the live rule set and compiles and gates
     * the new one: it must fit the heap, again and again, and the service go on answering.
     */
    @Test
    void reloadsFitTheProductionHeap() throws Exception {
        int port = freePort();
        Path log = Path.of("target", "aot-reload.log");
        String key = "lr_it-rules-admin-key";
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<String> flags = List.of(System.getProperty("locreview.jvm", "").trim().split("\\s+"));
        assertThat(flags).as("the production flags reach the test").anyMatch(f -> f.startsWith("-Xmx"));
        Process service = start(port, flags, log, "--spring.datasource.url=jdbc:h2:mem:reload",
                "--locreview.security.keys[0].name=it", "--locreview.security.keys[0].sha256=" + sha256,
                "--locreview.security.keys[0].roles=REVIEWER,RULES_ADMIN");
        try {
            assertThat(answer(service, review(port), log).statusCode()).isEqualTo(200);
            HttpRequest reload = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/rules/reload"))
                    .header("X-API-Key", key).timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.noBody()).build();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> reloaded = HTTP.send(reload, HttpResponse.BodyHandlers.ofString());
                assertThat(reloaded.statusCode()).as("reload %d: %s", i + 1, reloaded.body()).isEqualTo(200);
            }
            assertThat(service.isAlive()).as("the service exited: see " + log).isTrue();
            assertThat(HTTP.send(review(port), HttpResponse.BodyHandlers.ofString()).body()).contains("\"clause\":\"GL1\"");
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The packaged jar on the ahead-of-time bean definitions, with these JVM flags and service arguments. */
    private static Process start(int port, List<String> flags, Path log, String... args) throws java.io.IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(List.of("-Dspring.aot.enabled=true", "-jar", "target/locreview-0.1.0-SNAPSHOT.jar", "--server.port=" + port));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(new File(".")).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private static HttpRequest review(int port) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reviews"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
                        + "\"reason\":\"用户一键叫代驾，需要获取精确位置作为接驾点，派单给附近的司机。\"}"))
                .build();
    }

    /** The first answer to the request, once the service is up (at most 90 s). */
    private static HttpResponse<String> answer(Process service, HttpRequest request, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service exited: see " + log).isTrue();
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("no answer within 90 s");
    }
}
