package dev.locreview.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.locreview.engine.Decision;
import dev.locreview.engine.Engine;
import dev.locreview.engine.ReviewRequest;
import dev.locreview.engine.RuleSet;
import dev.locreview.rules.RuleSetPipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The confidence of decisions, without Spring: the table in reading/confidence-cases.yaml. */
class ConfidenceCasesTest {

    record Want(String decision, String level, List<String> doubts) {
    }

    record Case(String note, JsonNode input, Want want) {
    }

    private static final Pattern CLAUSE = Pattern.compile("（(CONF\\d+)）");

    @TestFactory
    Stream<DynamicTest> confidenceCases() throws IOException {
        RuleSet rules = RuleSetPipeline.compile(Path.of("rules"));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Case> cases;
        try (InputStream in = getClass().getResourceAsStream("/reading/confidence-cases.yaml")) {
            cases = yaml.readValue(in, new TypeReference<>() { });
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.note(), () -> {
            Decision d = Engine.decide(rules, new ObjectMapper().treeToValue(c.input(), ReviewRequest.class));
            List<String> doubts = d.confidence().reasons().stream().map(CLAUSE::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).distinct().toList();
            assertEquals(c.want(), new Want(d.decision().name(), d.confidence().level().name(), doubts),
                    c.input().path("reason").asText());
        }));
    }
}
