package dev.locreview.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The H2 file (with the settings of application.properties) grows by less than the records' JSON: 50
 * decisions with 1,200-character reasons, measured on disk. Before compaction and compression the same
 * run grew it by 7.7 MB (72 KB of JSON a record); a text of nothing but phrases by 13.3 MB (128 KB).
 */
class StorageGrowthTest extends HttpTestSupport {

    private static final Path DIR = Path.of("target", "storage-growth");

    @Autowired
    JdbcTemplate db;

    @DynamicPropertySource
    static void fileStore(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(DIR);
        try (var old = Files.list(DIR)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DIR.toAbsolutePath().resolve("growth")
                + ";WRITE_DELAY=0;COMPRESS=TRUE");
    }

    @Test
    void fiftyDecisionsWithLongReasonsGrowTheFileByLittleMoreThanTheirRecords() throws Exception {
        String reason = Applications.lexiconDenseReason().substring(0, 1200);
        String body = Applications.application(json, "wxgrowth", reason).toString();
        as(REVIEWER_KEY, postJson("/api/v1/reviews", body));
        db.execute("CHECKPOINT");
        long before = Files.size(DIR.resolve("growth.mv.db"));
        for (int i = 0; i < 50; i++) {
            assertThat(as(REVIEWER_KEY, postJson("/api/v1/reviews", body)).status()).isEqualTo(200);
        }
        db.execute("CHECKPOINT");
        long growth = Files.size(DIR.resolve("growth.mv.db")) - before;
        long perRecord = db.queryForObject("SELECT AVG(stored_bytes) FROM decision_record", Long.class);
        System.out.printf("storage: %d bytes of JSON per record, file growth %d bytes for 50 records%n", perRecord,
                growth);
        // 72 KB a record before records were made compact; 36 KB after, 40 KB since the outlook (three gates
        // and what to attach) is part of every decision.
        assertThat(perRecord).isLessThan(45_000);
        // 7.7 MB before records were compact and the file compressed; about 1.5 MB since (H2's pages, not the
        // records, are most of it now that alike mentions are bounded and a record is ~23 KB).
        assertThat(growth).isLessThan(2_000_000);
    }
}
