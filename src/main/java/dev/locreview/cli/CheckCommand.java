package dev.locreview.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.locreview.casebook.CaseRunner;
import dev.locreview.engine.Decision;
import dev.locreview.engine.RuleSet;

/** Decides an application file (one JSON object, or JSON Lines for many) and prints each decision. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Decide the application(s) in a file: a JSON object, or JSON Lines (one per line). "
                + "Exit 0 all approved, 1 any rejected, 2 any invalid.")
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "Application file (.json or .jsonl); - for standard input")
    String file;

    @Mixin
    RulesOption rules;

    @Option(names = "--json", description = "Print the full decisions as JSON Lines instead of a summary")
    boolean json;

    @Override
    public Integer call() throws IOException {
        RuleSet ruleSet = rules.compile();
        String text = file.equals("-") ? new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                : Files.readString(Path.of(file));
        List<JsonNode> requests = new ArrayList<>();
        String trimmed = text.strip();
        if (trimmed.startsWith("{") && !trimmed.contains("\n{")) {
            requests.add(CaseRunner.JSON.readTree(trimmed));
        } else {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    requests.add(CaseRunner.JSON.readTree(line));
                }
            }
        }
        int exit = 0;
        int n = 0;
        for (JsonNode request : requests) {
            n++;
            CaseRunner.Outcome outcome = CaseRunner.decide(ruleSet, request);
            if (json) {
                System.out.println(outcome.valid() ? CaseRunner.JSON.writeValueAsString(outcome.decision())
                        : CaseRunner.JSON.createObjectNode().put("status", 400).put("field", outcome.field())
                                .put("detail", outcome.detail()));
            } else if (!outcome.valid()) {
                System.out.printf("#%d INVALID %s: %s%n", n, outcome.field(), outcome.detail());
            } else {
                print(n, outcome.decision());
            }
            if (!outcome.valid()) {
                exit = 2;
            } else if (exit == 0 && outcome.decision().decision() != Decision.Outcome.APPROVE) {
                exit = 1;
            }
        }
        return exit;
    }

    private static void print(int n, Decision d) {
        System.out.printf("#%d %s %s (%s)%n", n, d.decision(), d.api(), d.clause());
        d.reasons().forEach(r -> System.out.printf("    [%s] %s%n", r.clause(), r.message()));
        if (!d.recommendedApis().isEmpty()) {
            System.out.println("    use instead: " + d.recommendedApis());
        }
        d.scenarios().forEach(s -> System.out.printf("    scenario %s (%s)%s%n", s.code(), s.source(),
                s.evidence() != null ? " 「" + s.evidence().text() + "」" : ""));
        System.out.println("    outlook: " + d.outlook().verdict());
        d.outlook().gates().forEach(g -> System.out.printf("    [%s] %s %s%n", g.status(), g.gate(), g.message()));
        d.outlook().toAttach().forEach(a -> System.out.println("    attach: " + a));
        d.warnings().forEach(w -> System.out.println("    warning: " + w));
        d.guidance().forEach(g -> System.out.println("    guidance: " + g));
    }
}
