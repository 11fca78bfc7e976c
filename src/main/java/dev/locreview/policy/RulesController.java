package dev.locreview.policy;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The loaded rule set, as a reviewer audits it: version, load time, each rule with its clause and file. */
@RestController
public class RulesController {

    private final LiveRules liveRules;

    public RulesController(LiveRules liveRules) {
        this.liveRules = liveRules;
    }

    public record LoadedRules(String version, Instant loadedAt, List<LoadedRule> rules) {
    }

    public record LoadedRule(String name, String clause, String file, long fireCount) {
    }

    @Operation(summary = "The loaded rule set: version, load time, rules with clause, file and fire counts")
    @GetMapping("/api/v1/rules")
    public LoadedRules rules() {
        RuleSet rules = liveRules.current();
        return new LoadedRules(rules.version(), rules.loadedAt(), rules.rules().stream()
                .map(r -> new LoadedRule(r.name(), r.clause(), r.file(), rules.fireCount(r.name()))).toList());
    }
}
