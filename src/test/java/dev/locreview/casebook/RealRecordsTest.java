package dev.locreview.casebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays real, publicly recorded applications (casebook/real/learn, tuned to; casebook/real/measure, never
 * tuned to) through HTTP and prints how often the outlook's verdict agrees with the real outcome, and how many
 * really rejected applications it calls LIKELY_APPROVED. Asserts only that records are complete and a floor.
 */
class RealRecordsTest extends HttpTestSupport {

    private static final Path REAL = CasebookTest.CASEBOOK.resolve(Casebook.REAL);

    record Figures(int records, int agreed, int rejected, int rejectedCalledApproved) {
    }

    @Test
    void theVerdictIsMeasuredAgainstRealOutcomes() throws IOException {
        // Nothing to measure is said as a skip, not passed off as a measurement.
        Assumptions.assumeTrue(Files.isDirectory(REAL), "no real review records collected yet under " + REAL);
        for (String set : List.of("learn", "measure")) {
            Figures f = measure(REAL.resolve(set));
            System.out.printf("real/%s: %d records, verdict agrees with the real outcome on %d; "
                    + "%d of %d really rejected called LIKELY_APPROVED%n",
                    set, f.records(), f.agreed(), f.rejectedCalledApproved(), f.rejected());
            assertThat(f.rejectedCalledApproved() * 5).as("really rejected called LIKELY_APPROVED in %s", set)
                    .isLessThanOrEqualTo(f.rejected());
        }
    }

    private Figures measure(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return new Figures(0, 0, 0, 0);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.list(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int agreed = 0;
        int rejected = 0;
        int calledApproved = 0;
        List<String> incomplete = new ArrayList<>();
        for (Path file : files) {
            JsonNode record = CaseRunner.JSON.readTree(file.toFile());
            String outcome = record.path("outcome").asText();
            if (!record.path("url").asText().startsWith("https://") || record.path("date").asText().isBlank()
                    || !List.of("APPROVED", "REJECTED").contains(outcome)) {
                incomplete.add(file.getFileName().toString());
                continue;
            }
            Reply reply = post("/api/v1/reviews", record.path("request"));
            assertThat(reply.status()).as("%s: %s", file, reply.raw()).isEqualTo(200);
            String verdict = reply.body().path("outlook").path("verdict").asText();
            boolean predictedApproved = verdict.equals("LIKELY_APPROVED");
            if (outcome.equals("REJECTED")) {
                rejected++;
                calledApproved += predictedApproved ? 1 : 0;
            }
            agreed += predictedApproved == outcome.equals("APPROVED") ? 1 : 0;
        }
        assertThat(incomplete).as("records without an https URL, a date or an outcome").isEmpty();
        return new Figures(files.size(), agreed, rejected, calledApproved);
    }
}
