package dev.locreview.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.locreview.casebook.CaseRunner;
import dev.locreview.engine.RuleSet;
import dev.locreview.rules.RuleSetPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Decides an application file (one JSON object, or JSON Lines for many) and prints each decision. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Decide the application(s) in a file: a JSON object, or JSON Lines (one per line). "
                + "Exit 0 all approved, 1 any rejected, 2 any invalid.")
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "Application file (.json or .jsonl); - for standard input")
    String file;

    @Option(names = "--rules", defaultValue = "rules", description = "Rules folder (default: rules)")
    Path rules;

    @Option(names = "--json", description = "Print the full decisions as JSON Lines instead of a summary")
    boolean json;

    @Override
    public Integer call() throws IOException {
        RuleSet ruleSet = RuleSetPipeline.compile(rules);
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
            JsonNode decision = CaseRunner.decide(ruleSet, request);
            if (json) {
                System.out.println(decision);
            } else if (decision.has("field")) {
                System.out.printf("#%d INVALID %s: %s%n", n, decision.path("field").asText(),
                        decision.path("detail").asText());
            } else {
                System.out.printf("#%d %s %s (%s)%n", n, decision.path("decision").asText(),
                        decision.path("api").asText(), decision.path("clause").asText());
                decision.path("reasons").forEach(r -> System.out.printf("    [%s] %s%n", r.path("clause").asText(),
                        r.path("message").asText()));
                if (!decision.path("recommendedApis").isEmpty()) {
                    System.out.println("    use instead: " + decision.path("recommendedApis"));
                }
                decision.path("scenarios").forEach(s -> System.out.printf("    scenario %s (%s)%s%n",
                        s.path("code").asText(), s.path("source").asText(), s.path("evidence").isObject()
                                ? " 「" + s.path("evidence").path("text").asText() + "」" : ""));
                JsonNode outlook = decision.path("outlook");
                System.out.println("    outlook: " + outlook.path("verdict").asText());
                outlook.path("gates").forEach(g -> System.out.printf("    [%s] %s %s%n", g.path("status").asText(),
                        g.path("gate").asText(), g.path("message").asText()));
                outlook.path("toAttach").forEach(a -> System.out.println("    attach: " + a.asText()));
                decision.path("warnings").forEach(w -> System.out.println("    warning: " + w.asText()));
                decision.path("guidance").forEach(g -> System.out.println("    guidance: " + g.asText()));
            }
            if (decision.has("field")) {
                exit = 2;
            } else if (exit == 0 && !"APPROVE".equals(decision.path("decision").asText())) {
                exit = 1;
            }
        }
        return exit;
    }
}
