package dev.locreview.casebook;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import dev.locreview.engine.Decision;
import dev.locreview.engine.Engine;
import dev.locreview.engine.RuleSet;
import dev.locreview.policy.RuleSetException;
import dev.locreview.support.InvalidApplicationException;
import dev.locreview.support.JsonConfig;
import dev.locreview.web.RequestReader;

/**
 * Decides requests given as JSON (casebook cases, the command line's files, stored requests in a preview) with a
 * given rule set, without a server: the JSON edge of the engine for everything that is not HTTP.
 */
public final class CaseRunner {

    public static final ObjectMapper JSON = JsonConfig.strict(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private CaseRunner() {
    }

    /** A request read from JSON and decided: the engine's decision, or the field it got wrong (as over HTTP). */
    public record Outcome(Decision decision, String field, String detail) {
        public boolean valid() {
            return decision != null;
        }
    }

    /** One case's outcome, and what differs from the expectation. */
    public record Result(CaseFile caseFile, Outcome outcome, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    public static List<Result> run(RuleSet rules, List<CaseFile> cases) {
        return cases.stream().map(c -> {
            Outcome outcome = decide(rules, c.request());
            return new Result(c, outcome, c.mismatches(outcome));
        }).toList();
    }

    /** Reads the request as the API does and decides it; bad input names the field, as over HTTP. */
    public static Outcome decide(RuleSet rules, JsonNode request) {
        try {
            return new Outcome(Engine.decide(rules, RequestReader.read(JSON, VALIDATOR, request)), null, null);
        } catch (InvalidApplicationException e) {
            return new Outcome(null, e.field(), e.getMessage());
        }
    }

    /** The names of the failing cases with what differs, for a reload's refusal. */
    public static List<String> failures(RuleSet rules, List<CaseFile> cases) {
        List<String> failures = new ArrayList<>();
        for (CaseFile c : cases) {
            Outcome decision;
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
