package dev.locreview.policy;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The names the policy knows, for clients that build pickers. */
@RestController
public class VocabularyController {

    private final LiveRules liveRules;

    public VocabularyController(LiveRules liveRules) {
        this.liveRules = liveRules;
    }

    /** Everything a client needs to build the form and explain it: the page reads its limits from here. */
    public record Vocabulary(String rulesVersion, List<LocationApi> apis, List<CategoryNode> categories,
                             List<ScenarioEntry> scenarios, List<RejectionPattern> rejections, Form form) {
    }

    /** A scenario with the clauses (and so the categories) it can qualify under. */
    public record ScenarioEntry(String code, Scenario.Kind kind, String label, String labelEn, boolean navigation,
                                List<Map<String, Object>> grants) {
    }

    @Operation(summary = "APIs, category tree and scenario codes with Chinese labels")
    @GetMapping("/api/v1/vocabulary")
    public Vocabulary vocabulary() {
        RuleSet rules = liveRules.current();
        PolicyData data = rules.data();
        List<ScenarioEntry> scenarios = data.scenarios().stream().map(s -> new ScenarioEntry(s.code(), s.kind(),
                s.label(), s.labelEn(), s.navigation(), data.grants().stream().filter(g -> g.carries(s.code()))
                        .map(g -> Map.<String, Object>of("clause", g.getClause(), "family", g.getFamily(),
                                "categories", g.getCategories()))
                        .toList())).toList();
        return new Vocabulary(rules.version(), data.apis(), data.categories().nodes(), scenarios, data.rejections(),
                data.form());
    }
}
