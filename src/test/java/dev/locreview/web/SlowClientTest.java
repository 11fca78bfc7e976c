package dev.locreview.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow anonymous clients (a byte of body a second) cannot starve the service: anonymous requests hold
 * a bounded share of the worker threads, refused requests are not drained, and a body must arrive
 * within the deadline.
 */
@TestPropertySource(properties = "locreview.body-deadline=5s")
class SlowClientTest extends HttpTestSupport {

    private static final String REVIEW = "{\"api\":\"wx.getLocation\",\"categories\":[\"交通服务-代驾\"]}";

    /** Past this, the service counts as starved (the test fails rather than hangs). */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    /** How long the slow connections may take to reach the server on a loaded machine (each holds its share until the body deadline). */
    private static final Duration FILL_PATIENCE = Duration.ofSeconds(5);

    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void seventySlowBodiesLeaveThreadsForPingAndReviewers() throws Exception {
        for (int i = 0; i < 70; i++) {
            // half to the anonymous pre-check, half to a reviewer endpoint without a key (refused with 401)
            sockets.add(slowPost(i % 2 == 0 ? "/api/v1/reviews" : "/api/v1/reviews/batch"));
        }
        Thread dripper = daemon(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (Socket socket : sockets) {
                    try {
                        socket.getOutputStream().write(' ');
                        socket.getOutputStream().flush();
                    } catch (IOException closedByServer) {
                        // the server may close refused connections; that is what it should do
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            // An anonymous pre-check over the share is turned away at once, not queued. The slow bodies reach the
            // server in their own time (a loaded machine takes longer than a quiet one), so ask until the share is
            // full rather than sleeping a fixed while; a pre-check answered before that is a fast one, as it should be.
            Reply busy = null;
            long askedMillis = 0;
            long giveUp = System.nanoTime() + FILL_PATIENCE.toNanos();
            while (System.nanoTime() < giveUp) {
                long asked = System.nanoTime();
                busy = send(postJson("/api/v1/reviews", REVIEW).timeout(PATIENCE));
                askedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
                if (busy.status() == 503) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(busy.status()).as("the slow bodies fill the anonymous share").isEqualTo(503);
            assertThat(askedMillis).isLessThan(2000);
            assertThat(busy.contentType()).startsWith("application/problem+json");
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                Reply ping = send(getRequest("/api/v1/ping").timeout(PATIENCE));
                Reply review = as(REVIEWER_KEY, postJson("/api/v1/reviews", REVIEW).timeout(PATIENCE));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(ping.status()).isEqualTo(200);
                assertThat(review.status()).as(review.raw()).isEqualTo(200);
                assertThat(millis).as("ping and a review under slow-client load").isLessThan(2000);
            }
        } finally {
            dripper.interrupt();
        }
    }

    @Test
    void aRefusedSlowBodyIsNotDrained() throws Exception {
        Socket socket = slowPost("/api/v1/reviews/batch");
        sockets.add(socket);
        long start = System.nanoTime();
        RawHttp.Reply reply = RawHttp.read(socket.getInputStream()); // ends when the server closes
        assertThat(reply.status()).isEqualTo(401);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3000);
    }

    @Test
    void aBodyThatTakesTooLongIsA408() throws Exception {
        Socket socket = slowPost("/api/v1/reviews");
        sockets.add(socket);
        long start = System.nanoTime();
        Thread dripper = daemon(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                while (true) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(500);
                }
            } catch (IOException | InterruptedException stopped) {
                // the server answered and closed, or the test is over
            }
        });
        RawHttp.Reply reply = RawHttp.read(socket.getInputStream());
        dripper.interrupt();
        assertThat(reply.status()).as(reply.head()).isEqualTo(408);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"field\":\"body\"");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(4500L, 12_000L);
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "slow-client");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** A POST announcing a 10,000-byte body, of which nothing is sent yet. */
    private Socket slowPost(String path) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 10000\r\n\r\n{")
                .getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }
}
