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
 * which an ahead-of-time build would fix if it were a bean condition, still takes effect. Runs in `verify`,
 * after `package` has built the jar and its generated classes.
 */
class AotStartIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void thePackagedJarStartsAheadOfTimeAndDecides() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Path.of("target", "aot-start.log");
        Process service = new ProcessBuilder(List.of(java, "-Xmx160m", "-Dfile.encoding=UTF-8",
                "-Dspring.aot.enabled=true", "-jar", "target/locreview-0.1.0-SNAPSHOT.jar", "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:mem:aot", "--locreview.rules-watch=true"))
                .directory(new File(".")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpRequest review = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reviews"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"],"
                            + "\"reason\":\"用户一键叫代驾，需要获取精确位置作为接驾点，派单给附近的司机。\"}"))
                    .build();
            HttpResponse<String> reply = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (reply == null && System.nanoTime() < deadline) {
                assertThat(service.isAlive()).as("the service exited: see target/aot-start.log").isTrue();
                try {
                    reply = HTTP.send(review, HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(reply).as("no answer within 90 s").isNotNull();
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.body()).contains("\"decision\":\"APPROVE\"").contains("\"clause\":\"GL1\"");
            assertThat(Files.readString(log)).contains("Starting AOT-processed LocreviewApplication")
                    .contains("Watching").contains("for rule changes");
        } finally {
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
