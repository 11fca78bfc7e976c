package dev.locreview.web;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A second instance on the data directory of a running one exits saying, in one line, that the store is in use. */
class StoreInUseTest {

    @TempDir
    Path dir;

    @Test
    void aSecondInstanceOnTheSameStoreSaysItIsInUseByWhom() throws Exception {
        Path firstLog = dir.resolve("first.log");
        Process first = start(firstLog);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(firstLog).contains("Started LocreviewApplication")) {
                assertThat(first.isAlive()).as(Files.readString(firstLog)).isTrue();
                assertThat(System.nanoTime()).as("the first instance starts").isLessThan(deadline);
                Thread.sleep(200);
            }
            Path secondLog = dir.resolve("second.log");
            Process second = start(secondLog);
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(secondLog);
            assertThat(second.exitValue()).isNotZero();
            assertThat(output).containsPattern("The decision store \\S*locreview\\.mv\\.db is in use by process "
                    + first.pid() + ":");
            assertThat(output.lines().filter(line -> line.startsWith("\tat ")).count()).as(output).isLessThan(5);
        } finally {
            first.destroyForcibly();
            first.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process start(Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.locreview.LocreviewApplication", "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data").resolve("locreview").toAbsolutePath()))
                .directory(new File(".")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
