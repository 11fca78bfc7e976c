package dev.locreview.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.locreview.casebook.CaseRunner;
import dev.locreview.casebook.Casebook;
import dev.locreview.engine.RuleSet;
import dev.locreview.policy.RuleSetException;
import dev.locreview.engine.RuleSetValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Rule-set maintenance: `rules validate FOLDER`. */
@Command(name = "rules", mixinStandardHelpOptions = true, subcommands = {RulesCommand.Validate.class},
        description = "Rule set maintenance.")
final class RulesCommand {

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Compile and check a rules folder as a reload would; exit 0 valid, 1 problems found.")
    static final class Validate implements Callable<Integer> {

        @Parameters(index = "0", defaultValue = "rules", description = "Rules folder (default: rules)")
        Path folder;

        @Option(names = "--casebook", defaultValue = "casebook",
                description = "Casebook the set must pass (default: casebook; the heldout sub-folder is left out)")
        Path casebook;

        @Override
        public Integer call() {
            List<String> problems = new ArrayList<>();
            RuleSet rules = null;
            try {
                rules = RuleSet.load(folder);
                problems.addAll(RuleSetValidator.problems(rules));
                if (problems.isEmpty() && casebook.toFile().isDirectory()) {
                    problems.addAll(CaseRunner.failures(rules, Casebook.load(casebook, "heldout")));
                }
            } catch (RuleSetException e) {
                problems.addAll(List.of(e.getMessage().split("\n")));
            }
            if (problems.isEmpty()) {
                System.out.printf("valid: %s, version %s, %d rules%n", rules.folder(), rules.version(),
                        rules.rules().size());
                return 0;
            }
            problems.forEach(p -> System.out.println("problem: " + p));
            return 1;
        }
    }
}
