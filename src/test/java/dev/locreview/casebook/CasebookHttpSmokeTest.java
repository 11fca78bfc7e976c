package dev.locreview.casebook;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.locreview.HttpTestSupport;
import dev.locreview.engine.Decision;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy's own reference cases over HTTP: the service answers as the engine does in process. */
class CasebookHttpSmokeTest extends HttpTestSupport {

    @TestFactory
    Stream<DynamicTest> theReferenceCasesOverHttp() {
        return Casebook.load(Path.of("casebook", "policy")).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Reply reply = post("/api/v1/reviews", c.request());
            assertThat(reply.status()).as("%s: %s", c.name(), reply.raw()).isEqualTo(200);
            Decision decision = CaseRunner.JSON.treeToValue(reply.body(), Decision.class);
            assertThat(c.mismatches(new CaseRunner.Outcome(decision, null, null))).as(c.name()).isEmpty();
        }));
    }
}
