package dev.locreview.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import dev.locreview.rules.RuleSetPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Rule-set maintenance: `rules validate FOLDER`. */
@Command(name = "rules", mixinStandardHelpOptions = true, subcommands = {RulesCommand.Validate.class},
        description = "Rule set maintenance.")
final class RulesCommand {

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Take a rules folder through the pipeline a reload uses (limits, allowed DRL, compile, "
                    + "vocabulary, casebook within the time budget); exit 0 valid, 1 problems found.")
    static final class Validate implements Callable<Integer> {

        @Parameters(index = "0", defaultValue = "rules", description = "Rules folder (default: rules)")
        Path folder;

        @Option(names = "--casebook", defaultValue = "casebook",
                description = "Casebook the set must pass (default: casebook; the heldout sub-folder is left out)")
        Path casebook;

        @Option(names = "--time-budget", defaultValue = "PT2M",
                description = "How long the casebook may take against the set (ISO-8601, default: PT2M)")
        Duration timeBudget;

        @Override
        public Integer call() {
            RuleSetPipeline.Result result = new RuleSetPipeline(timeBudget, casebook).gate(folder);
            if (result.accepted()) {
                System.out.printf("valid: %s, version %s, %d rules%n", result.rules().folder(), result.version(),
                        result.rules().rules().size());
                return 0;
            }
            result.problems().forEach(p -> System.out.println("problem: " + p));
            return 1;
        }
    }
}
