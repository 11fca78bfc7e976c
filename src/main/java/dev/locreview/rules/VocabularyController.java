package dev.locreview.rules;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import dev.locreview.engine.RuleSet;
import dev.locreview.policy.AppCategory;
import dev.locreview.policy.CategoryNode;
import dev.locreview.policy.Form;
import dev.locreview.policy.LocationApi;
import dev.locreview.policy.PolicyData;
import dev.locreview.policy.RejectionPattern;
import dev.locreview.policy.Scenario;

/** The names the policy knows, for clients that build pickers. */
@RestController
public class VocabularyController {

    private final LiveRules liveRules;
    /** The vocabulary of the live rule set, built when a set first answers it. */
    private volatile Vocabulary built;

    public VocabularyController(LiveRules liveRules) {
        this.liveRules = liveRules;
    }

    /** Everything a client needs to build the form and explain it: the page reads its limits from here. */
    public record Vocabulary(String rulesVersion, List<LocationApi> apis, List<CategoryNode> categories,
                             List<ScenarioEntry> scenarios, Map<String, List<String>> scenariosByCategory,
                             List<RejectionPattern> rejections, Form form) {
    }

    /** A scenario with the clauses (and so the categories) it can qualify under; a table's row names its APIs. */
    public record ScenarioEntry(String code, Scenario.Kind kind, String label, String labelEn, boolean navigation,
                                List<Map<String, Object>> grants) {
    }

    @Operation(summary = "APIs, category tree and scenario codes with Chinese labels")
    @GetMapping("/api/v1/vocabulary")
    public Vocabulary vocabulary() {
        RuleSet rules = liveRules.current();
        Vocabulary vocabulary = built;
        if (vocabulary == null || !vocabulary.rulesVersion().equals(rules.version())) {
            vocabulary = build(rules);
            built = vocabulary;
        }
        return vocabulary;
    }

    /** Everything in it follows from the rule set, so it is built once per set that goes live. */
    private static Vocabulary build(RuleSet rules) {
        PolicyData data = rules.data();
        List<ScenarioEntry> scenarios = data.scenarios().stream().map(s -> new ScenarioEntry(s.code(), s.kind(),
                s.label(), s.labelEn(), s.navigation(), data.grants().stream().filter(g -> g.carries(s.code()))
                        .map(g -> Map.<String, Object>of("clause", g.getClause(), "family", g.getFamily(),
                                "categories", g.getCategories(), "apis", g.getApis()))
                        .toList())).toList();
        return new Vocabulary(rules.version(), data.apis(), data.categories().nodes(), scenarios,
                scenariosByCategory(data), data.rejections(), data.form());
    }

    /**
     * For each category ("一级" alone, and each "一级-二级"), the qualifying scenarios some grant gives it, as the
     * grants themselves match: the page looks its picks up here instead of matching categories itself.
     */
    private static Map<String, List<String>> scenariosByCategory(PolicyData data) {
        Map<String, List<String>> byCategory = new java.util.LinkedHashMap<>();
        for (CategoryNode node : data.categories().nodes()) {
            byCategory.put(node.name(), codes(data, new AppCategory(node.name(), null, null, false)));
            for (String level2 : node.level2()) {
                byCategory.put(node.name() + "-" + level2, codes(data, new AppCategory(node.name(), level2, null, false)));
            }
        }
        return byCategory;
    }

    private static List<String> codes(PolicyData data, AppCategory category) {
        return data.grants().stream().filter(g -> g.covers(category)).flatMap(g -> g.getScenarios().stream())
                .distinct().toList();
    }
}
