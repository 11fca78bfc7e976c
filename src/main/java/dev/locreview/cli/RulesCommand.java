package dev.locreview.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.locreview.rules.RuleSetPipeline;
import dev.locreview.rules.RuleVersions;
import dev.locreview.rules.RulesZip;

/**
 * Rule-set maintenance: `rules validate FOLDER`; and the versions in the store the service is configured with:
 * `rules versions`, `rules upload FOLDER|ZIP [--activate]`, `rules activate VERSION`.
 */
@Command(name = "rules", mixinStandardHelpOptions = true, subcommands = {RulesCommand.Validate.class,
        RulesCommand.Versions.class, RulesCommand.Upload.class, RulesCommand.Activate.class},
        description = "Rule set maintenance; rule set versions in the store (the configured datasource; "
                + "--spring.datasource.url=… to name another).")
final class RulesCommand {

    /** The gate's settings, as `rules validate` and a reload take them. */
    static final class Gate {
        @Option(names = "--casebook", defaultValue = "casebook",
                description = "Casebook the set must pass (default: casebook; the heldout sub-folder is left out)")
        Path casebook;

        @Option(names = "--time-budget", defaultValue = "PT2M",
                description = "How long the casebook may take against the set (ISO-8601, default: PT2M)")
        Duration timeBudget;

        RuleSetPipeline pipeline() {
            return new RuleSetPipeline(timeBudget, casebook);
        }
    }

    @Command(name = "versions", mixinStandardHelpOptions = true,
            description = "The rule set versions in the store, newest upload first; * marks the active one.")
    static final class Versions extends InStore implements Callable<Integer> {
        @Override
        public Integer call() {
            return Store.with(springArguments, RuleVersions.class, versions -> {
                String active = versions.active().map(RuleVersions.Activation::version).orElse(null);
                for (RuleVersions.Version v : versions.list()) {
                    System.out.printf("%s %s %5d rules  %s by %s%n", v.version().equals(active) ? "*" : " ", v.version(),
                            v.rules(), v.uploadedAt(), v.uploadedBy());
                }
                return 0;
            });
        }
    }

    @Command(name = "upload", mixinStandardHelpOptions = true,
            description = "Take a rules folder (or a zip of one) through the pipeline a reload uses and store it as a "
                    + "version; with --activate, make it the active one (every instance follows within seconds). "
                    + "Exit 0 stored, 1 problems found.")
    static final class Upload extends InStore implements Callable<Integer> {

        @Mixin
        Gate gate;

        @Parameters(index = "0", description = "Rules folder, or a zip of one")
        Path source;

        @Option(names = "--activate", description = "Activate the version once stored")
        boolean activate;

        @Override
        public Integer call() throws IOException {
            byte[] zip = Files.isDirectory(source) ? RulesZip.pack(source) : Files.readAllBytes(source);
            RuleSetPipeline.Bundle bundle = gate.pipeline().gate(zip);
            RuleSetPipeline.Result result = bundle.result();
            if (!result.accepted()) {
                result.problems().forEach(p -> System.out.println("problem: " + p));
                return 1;
            }
            return Store.with(springArguments, RuleVersions.class, versions -> {
                boolean added = versions.add(result.version(), bundle.zip(), result.rules().rules().size(), CALLER);
                System.out.printf("%s version %s, %d rules%n", added ? "stored" : "already stored", result.version(),
                        result.rules().rules().size());
                if (activate) {
                    versions.activate(result.version(), CALLER);
                    System.out.println("active: " + result.version());
                }
                return 0;
            });
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = "Make a stored version the active one (an earlier one: a rollback); every instance follows "
                    + "within seconds, and one that cannot load it answers on with its last good set and says so in "
                    + "its health. Exit 0 activated, 1 no such version.")
    static final class Activate extends InStore implements Callable<Integer> {

        @Parameters(index = "0", description = "The version (as `rules versions` lists it)")
        String version;

        @Override
        public Integer call() {
            return Store.with(springArguments, RuleVersions.class, versions -> {
                if (versions.bundle(version).isEmpty()) {
                    System.err.println("error: the store holds no version " + version);
                    return 1;
                }
                versions.activate(version, CALLER);
                System.out.println("active: " + version);
                return 0;
            });
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Take a rules folder through the pipeline a reload uses (limits, allowed DRL, compile, "
                    + "vocabulary, casebook within the time budget); exit 0 valid, 1 problems found.")
    static final class Validate implements Callable<Integer> {

        @Mixin
        Gate gate;

        @Mixin
        RulesOption.WordsOption words;

        @Parameters(index = "0", defaultValue = "rules", description = "Rules folder (default: rules)")
        Path folder;

        @Override
        public Integer call() {
            words.use();
            RuleSetPipeline.Result result = gate.pipeline().gate(folder);
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
