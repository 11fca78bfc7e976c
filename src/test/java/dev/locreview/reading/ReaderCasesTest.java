package dev.locreview.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.locreview.engine.CategoryRef;
import dev.locreview.policy.AppCategory;
import dev.locreview.policy.PolicyData;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reader alone, without Spring or the rules: text in, mentions out, as the table in
 * reading/reader-cases.yaml says. A mention is written CODE, or ¬KIND CODE when denied (NEGATION, ELSEWHERE,
 * NOT_YET, TOPIC), followed by 「its words」 when the case cares which words carry it.
 */
class ReaderCasesTest {

    record Input(String reason, List<String> categories) {
    }

    record Case(String note, Input input, List<String> want) {
    }

    private static final Path RULES = Path.of("rules");

    @TestFactory
    Stream<DynamicTest> readerCases() throws IOException {
        ReasonReader reader = new ReasonReader(Lexicon.load(RULES.resolve("reading"),
                PolicyData.load(RULES.resolve("data"))));
        List<Case> cases;
        try (InputStream in = getClass().getResourceAsStream("/reading/reader-cases.yaml")) {
            cases = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.note(), () -> {
            List<AppCategory> categories = c.input().categories().stream().map(CategoryRef::parse)
                    .map(r -> new AppCategory(r.level1(), r.level2(), r.level3(), false)).toList();
            List<String> got = reader.read(c.input().reason(), categories).mentions().stream()
                    .map(m -> describe(m, c.want())).toList();
            assertEquals(c.want(), got, c.input().reason());
        }));
    }

    /** The mention as the case writes it: with its words only where the case gives words. */
    private static String describe(Mention m, List<String> want) {
        String head = (m.isNegated() ? "¬" + m.getDenial() + " " : "") + m.getStatedCode();
        return want.stream().anyMatch(w -> w.startsWith(head + "「")) ? head + "「" + m.getEvidence().text() + "」" : head;
    }
}
