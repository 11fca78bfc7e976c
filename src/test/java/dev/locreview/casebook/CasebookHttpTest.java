package dev.locreview.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.locreview.HttpTestSupport;

/** Replays the whole casebook through HTTP; the held-out set is measured apart (HeldOutReport). */
class CasebookHttpTest extends HttpTestSupport {

    static final Path CASEBOOK = Path.of("casebook");

    static List<CaseFile> cases() {
        return Casebook.load(CASEBOOK, "heldout");
    }

    @TestFactory
    Stream<DynamicTest> everyCaseGetsItsExpectedDecision() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), c.file().toUri(), () -> {
            Reply reply = post("/api/v1/reviews", c.request());
            assertThat(reply.status()).as("%s: HTTP status, body %s", c.name(), reply.raw()).isEqualTo(200);
            assertThat(c.mismatches(reply.body())).as("%s (%s): %s", c.name(), c.note(), reply.raw()).isEmpty();
        }));
    }

    @Test
    void theCasebookCoversEveryPolicyReferenceCase() {
        List<CaseFile> policy = Casebook.load(CASEBOOK.resolve("policy"));
        assertThat(policy).hasSize(15);
        assertThat(policy.stream().map(c -> c.expect().clause()))
                .contains("GL1", "GL2", "GL3", "GL4", "GL5", "GL6", "GL7", "OLC1", "OLC2", "OLC3",
                        "R1", "R2", "R3", "R4", "R5");
    }

    @Test
    void everyRuleIsFiredBySomeCase() {
        Set<String> fired = new TreeSet<>();
        for (CaseFile c : cases()) {
            post("/api/v1/reviews", c.request()).body().path("rulesFired").forEach(r -> fired.add(r.asText()));
        }
        List<String> neverFired = new ArrayList<>();
        get("/api/v1/rules").body().path("rules").forEach(r -> {
            if (!fired.contains(r.path("name").asText())) {
                neverFired.add(r.path("name").asText() + " (" + r.path("file").asText() + ")");
            }
        });
        assertThat(neverFired).as("rules fired by no casebook case").isEmpty();
    }
}
