package dev.locreview.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail is one line per event, whatever the request's values hold. */
@ExtendWith(OutputCaptureExtension.class)
class AuditLogTest extends HttpTestSupport {

    @Test
    void controlCharactersInFiltersCannotForgeAuditLines(CapturedOutput output) {
        String forged = "%0A2026-01-01T00:00:00.000Z%20INFO%201%20---%20%5Bx%5D%20locreview.audit%20:%20reload%20by%20admin";
        Reply reply = as(REVIEWER_KEY, getRequest("/api/v1/reviews?category=x" + forged
                + "&rule=R1%0D%0Afake&decision=approve&mode=review&from=2026-01-01T00:00:00Z"));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        Reply nul = as(REVIEWER_KEY, getRequest("/api/v1/reviews?category=a%00b"));
        assertThat(nul.status()).as(nul.raw()).isLessThan(500);

        List<String> audit = output.getAll().lines().filter(l -> l.contains("locreview.audit")).toList();
        assertThat(audit).as(output.getAll()).hasSize(2);
        assertThat(audit).allMatch(l -> l.contains("search history by test-reviewer"));
        assertThat(audit.get(0)).contains("\\u000a", "\\u000d");
        assertThat(audit.get(1)).contains("a\\u0000b");
        assertThat(output.getAll()).doesNotContain("\u0000").doesNotContain("reload by admin\n");
    }
}
