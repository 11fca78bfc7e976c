package dev.locreview.cli;

import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.locreview.engine.RuleSet;
import dev.locreview.reading.WordCache;
import dev.locreview.rules.RuleSetPipeline;

/** The rules a command decides with: their folder, and where the reading's words are kept from one run to the next. */
final class RulesOption {

    @Option(names = "--rules", defaultValue = "rules", description = "Rules folder (default: rules)")
    Path folder;

    @Mixin
    WordsOption words;

    RuleSet compile() {
        words.use();
        return RuleSetPipeline.compile(folder);
    }

    /** Where the reading's words are kept from one run to the next (also for `rules validate`). */
    static final class WordsOption {
        @Option(names = "--cache-dir", defaultValue = "data/cache",
                description = "Where the reading's words are kept between runs of the same rules, as the service keeps "
                        + "them: a second run starts seconds sooner (default: data/cache; empty: none kept)")
        String cacheDir;

        void use() {
            WordCache.useDirectory(cacheDir);
        }
    }
}
