package dev.locreview.rules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.locreview.casebook.CaseRunner;
import dev.locreview.casebook.Casebook;
import dev.locreview.engine.DrlAllowList;
import dev.locreview.engine.RuleSet;
import dev.locreview.engine.RuleSetValidator;
import dev.locreview.policy.RuleFiles;
import dev.locreview.policy.RuleSetException;

/**
 * The one way a rule set comes into use — start-up, reload, the folder watch, preview and `rules validate`
 * all go through here, so none skips a step: size limits, the DRL allow-list (before anything is
 * compiled), compile, the vocabulary checks, and the casebook gate within a time budget. A candidate that
 * fails a step is refused with every problem found, each naming file and line.
 */
@Component
public final class RuleSetPipeline {

    /** What a rules folder may hold: today's is 7 DRL files, 70 KB and 60 rules. */
    static final int MAX_FILES = 1_000;
    static final long MAX_FILE_BYTES = 1024 * 1024;
    static final long MAX_DRL_BYTES = 256 * 1024;
    static final long MAX_TOTAL_BYTES = RulesZip.MAX_UNPACKED;
    static final int MAX_RULES = 2_000;

    private final Duration timeBudget;
    /** The casebook a candidate must pass (less the held-out set); null when there is none to pass. */
    private final Path casebook;

    public RuleSetPipeline(Duration timeBudget, Path casebook) {
        this.timeBudget = timeBudget;
        this.casebook = casebook != null && Files.isDirectory(casebook) ? casebook : null;
    }

    @Autowired
    public RuleSetPipeline(LocreviewProperties properties) {
        this(properties.rules().timeBudget(), properties.casebookDir());
    }

    /** A candidate's fate: the set when it may be used, or every problem found. */
    public record Result(RuleSet rules, String version, List<String> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }

        static Result refused(String version, RuleSetException e) {
            return new Result(null, version, List.of(e.getMessage().split("\n")));
        }
    }

    /**
     * Limits and the allow-list, then the compile: a set that is safe to run (for `check` and `casebook` on
     * the command line), not yet checked against the vocabulary or the casebook.
     */
    public static RuleSet compile(Path folder) {
        return compile(folder, MAX_RULES);
    }

    /** The same with another cap on the number of rules (the growth benchmark's generated 100× set is larger). */
    public static RuleSet compile(Path folder, int maxRules) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new RuleSetException("rules folder not found: " + root);
        }
        Map<String, String> drl = drlFiles(root);
        List<String> refused = DrlAllowList.problems(drl);
        if (!refused.isEmpty()) {
            throw new RuleSetException("rules in " + root + " use what a rule set may not:\n"
                    + String.join("\n", refused));
        }
        RuleSet rules = RuleSet.load(root, drl);
        if (rules.rules().size() > maxRules) {
            throw new RuleSetException("the rule set has " + rules.rules().size() + " rules; at most " + maxRules);
        }
        return rules;
    }

    /** Compiled and checked against the vocabulary: what start-up and a preview need. */
    public static Result check(Path folder) {
        RuleSet rules;
        try {
            rules = compile(folder);
        } catch (RuleSetException e) {
            return Result.refused(null, e);
        }
        return new Result(rules, rules.version(), RuleSetValidator.problems(rules));
    }

    /** Checked, and the casebook passes within the time budget: what a reload and `rules validate` need. */
    public Result gate(Path folder) {
        Result checked = check(folder);
        if (!checked.accepted() || casebook == null) {
            return checked;
        }
        try {
            List<String> failures = withinBudget("the casebook",
                    () -> CaseRunner.failures(checked.rules(), Casebook.load(casebook, "heldout")));
            return new Result(checked.rules(), checked.version(), failures);
        } catch (RuleSetException e) {
            return Result.refused(checked.version(), e);
        }
    }

    /** A candidate from a zip: its fate, and its rules folder repacked as the store keeps it (exactly what was checked). */
    public record Bundle(Result result, byte[] zip) {
    }

    /** The gate on a zipped rules folder (an upload, or a folder packed with RulesZip.pack). */
    public Bundle gate(byte[] zip) {
        try {
            return RulesZip.withUnpacked(zip, folder -> new Bundle(gate(folder), RulesZip.pack(folder)));
        } catch (RuleSetException e) {
            return new Bundle(Result.refused(null, e), null);
        }
    }

    /**
     * Runs work that executes a candidate's rules on a thread of its own, and gives up on it when the time
     * budget is spent: the thread's rules stop firing at once (RuleSet.OVER_BUDGET) and the caller is refused.
     * A failure of the rules (even an Error such as a stack overflow) refuses the set; the service stays up.
     */
    public <T> T withinBudget(String what, Callable<T> work) {
        AtomicBoolean over = new AtomicBoolean();
        FutureTask<T> task = new FutureTask<>(() -> {
            RuleSet.OVER_BUDGET.set(over);
            return work.call();
        });
        Thread thread = new Thread(task, "rules-budget");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeBudget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            over.set(true);
            throw new RuleSetException("rule set exceeded its time budget: " + what + " took more than "
                    + timeBudget.toMillis() / 1000.0 + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuleSetException refused) {
                throw refused;
            }
            throw new RuleSetException(what + " failed with the candidate rules: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            over.set(true);
            Thread.currentThread().interrupt();
            throw new RuleSetException(what + " was interrupted");
        }
    }

    /** The DRL files under the folder (path → text), once the folder is within the size limits. */
    private static Map<String, String> drlFiles(Path root) {
        List<Path> files = RuleFiles.of(root);
        List<String> problems = new ArrayList<>();
        if (files.size() > MAX_FILES) {
            throw new RuleSetException(root + ": " + files.size() + " files; a rules folder holds at most " + MAX_FILES);
        }
        Map<String, String> drl = new LinkedHashMap<>();
        long total = 0;
        try {
            for (Path file : files) {
                String name = root.relativize(file).toString().replace('\\', '/');
                long size = Files.size(file);
                total += size;
                boolean isDrl = name.endsWith(".drl");
                long limit = isDrl ? MAX_DRL_BYTES : MAX_FILE_BYTES;
                if (size > limit) {
                    problems.add(name + ":1: " + size + " bytes; a " + (isDrl ? "DRL file" : "file") + " may have at most "
                            + limit);
                } else if (isDrl) {
                    drl.put(name, utf8(name, Files.readAllBytes(file)));
                }
            }
        } catch (IOException e) {
            throw new RuleSetException(root + ": " + e.getMessage(), e);
        }
        if (total > MAX_TOTAL_BYTES) {
            problems.add(root + ": " + total + " bytes in all; a rules folder may have at most " + MAX_TOTAL_BYTES);
        }
        if (drl.isEmpty() && problems.isEmpty()) {
            problems.add(root + ": no .drl files");
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(String.join("\n", problems));
        }
        return drl;
    }

    private static String utf8(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RuleSetException(name + ":1: not UTF-8 text");
        }
    }
}
