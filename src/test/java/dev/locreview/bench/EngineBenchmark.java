package dev.locreview.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.locreview.engine.RuleSet;
import dev.locreview.rules.RuleSetPipeline;

/** What every in-process benchmark shares: the JMH settings, the rule set, and the hand-written limit. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class EngineBenchmark {

    protected RuleSet rules;
    protected HandWrittenPolicy handWritten;

    /** The real rules (locreview.rules-dir, default rules), or a folder generated from them. */
    protected void load(Path folder) {
        rules = RuleSetPipeline.compile(folder);
        handWritten = new HandWrittenPolicy(rules.data(), rules.reader());
    }

    protected static Path rulesFolder() {
        return Path.of(System.getProperty("locreview.rules-dir", "rules"));
    }
}
