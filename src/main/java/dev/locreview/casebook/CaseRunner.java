package dev.locreview.casebook;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.locreview.engine.RuleSet;
import dev.locreview.support.InvalidApplicationException;
import dev.locreview.web.RequestReader;
import dev.locreview.engine.Engine;
import dev.locreview.support.JsonConfig;
import dev.locreview.policy.RuleSetException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

/** Decides casebook requests with a given rule set, without a server: for the CLI, reloads and previews. */
public final class CaseRunner {

    public static final ObjectMapper JSON = JsonConfig.strict(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private CaseRunner() {
    }

    /** One case's outcome: the decision as JSON, and what differs from the expectation. */
    public record Result(CaseFile caseFile, JsonNode decision, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    public static List<Result> run(RuleSet rules, List<CaseFile> cases) {
        return cases.stream().map(c -> {
            JsonNode decision = decide(rules, c.request());
            return new Result(c, decision, c.mismatches(decision));
        }).toList();
    }

    /** The decision as the API would give it; bad input is a problem object naming the field, as over HTTP. */
    public static JsonNode decide(RuleSet rules, JsonNode request) {
        try {
            return JSON.valueToTree(Engine.decide(rules, RequestReader.read(JSON, VALIDATOR, request)));
        } catch (InvalidApplicationException e) {
            return problem(e.field(), e.getMessage());
        }
    }

    private static JsonNode problem(String field, String detail) {
        return JSON.createObjectNode().put("status", 400).put("field", field).put("detail", detail);
    }

    /** The names of the failing cases with what differs, for a reload's refusal. */
    public static List<String> failures(RuleSet rules, List<CaseFile> cases) {
        List<String> failures = new ArrayList<>();
        for (CaseFile c : cases) {
            JsonNode decision;
            try {
                decision = decide(rules, c.request());
            } catch (RuleSetException e) {
                // A set that breaks its budget on one case is refused there; the rest would only repeat it.
                throw new RuleSetException("casebook " + c.name() + ": " + e.getMessage(), e);
            }
            List<String> problems = c.mismatches(decision);
            if (!problems.isEmpty()) {
                failures.add("casebook " + c.name() + ": " + String.join("; ", problems));
            }
        }
        return failures;
    }
}
