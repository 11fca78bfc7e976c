package dev.locreview.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.locreview.policy.Grant;
import dev.locreview.policy.PolicyData;
import dev.locreview.policy.RejectionPattern;
import dev.locreview.reading.Mention;

/**
 * Checks a compiled rule set before it may be used: every rule names a clause and no two share one,
 * every rejection pattern of the data has its rule and every grant its name and quote, and every scenario
 * code, API, category and reading signal a DRL file names exists in the vocabulary (with file and line); the
 * official tables' names are checked on loading. The casebook is checked apart (Casebook runner).
 */
public final class RuleSetValidator {

    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z]+(?:_[A-Z]+)+)\"");
    private static final Pattern API = Pattern.compile("\"(wx\\.[A-Za-z]+)\"");
    private static final Pattern LEVEL1 = Pattern.compile("level1\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern SIGNAL = Pattern.compile("kind\\s*==\\s*\"([^\"]+)\"");
    /** The signals a rule names as a set ({@code kind in ("PUSH", "FOREGROUND")}). */
    private static final Pattern SIGNALS = Pattern.compile("kind\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private RuleSetValidator() {
    }

    /** The problems found; empty when the set may go live. */
    public static List<String> problems(RuleSet rules) {
        List<String> problems = new ArrayList<>();
        Map<String, String> clauseOwner = new HashMap<>();
        for (RuleSet.RuleInfo rule : rules.rules()) {
            if (rule.clause() == null || rule.clause().equals("null") || rule.clause().isBlank()) {
                problems.add(rule.file() + ": rule \"" + rule.name() + "\" has no @clause");
            } else if (clauseOwner.putIfAbsent(rule.clause(), rule.name()) != null) {
                problems.add(rule.file() + ": rule \"" + rule.name() + "\" repeats clause " + rule.clause()
                        + " of rule \"" + clauseOwner.get(rule.clause()) + "\"");
            }
        }
        for (RejectionPattern pattern : rules.data().rejections()) {
            if (!clauseOwner.containsKey(pattern.clause())) {
                problems.add("data/rejections.yaml: pattern " + pattern.clause() + " has no rule with @clause(\""
                        + pattern.clause() + "\")");
            }
        }
        for (Grant grant : rules.data().grants()) {
            // Its clause is unique among the rules already: the listing holds the grant rows beside the DRL rules.
            if (grant.getName() == null || grant.getQuote() == null) {
                problems.add("data/grants.yaml: grant " + grant.getClause() + " needs a name and a quote");
            }
        }
        try (Stream<Path> drls = Files.walk(rules.folder())) {
            for (Path drl : drls.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                names(rules, drl, problems);
            }
        } catch (IOException e) {
            problems.add(rules.folder() + ": " + e.getMessage());
        }
        return problems;
    }

    private static void names(RuleSet rules, Path drl, List<String> problems) throws IOException {
        PolicyData data = rules.data();
        List<String> lines = Files.readAllLines(drl);
        String file = rules.folder().relativize(drl).toString();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("//")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            List<String> signals = new java.util.ArrayList<>();
            for (Matcher m = SIGNAL.matcher(line); m.find(); ) {
                signals.add(m.group(1));
            }
            for (Matcher m = SIGNALS.matcher(line); m.find(); ) {
                for (Matcher q = QUOTED.matcher(m.group(1)); q.find(); ) {
                    signals.add(q.group(1));
                }
            }
            // a signal named in the line (kind in ("FOREGROUND_ENOUGH")) is checked as a signal below, not as a scenario
            for (Matcher m = CODE.matcher(line); m.find(); ) {
                if (!signals.contains(m.group(1)) && data.scenario(m.group(1)).isEmpty()
                        && !Mention.DENIALS.contains(m.group(1))) {
                    problems.add(where + "unknown scenario code " + m.group(1));
                }
            }
            for (Matcher m = API.matcher(line); m.find(); ) {
                if (data.api(m.group(1)).isEmpty()) {
                    problems.add(where + "unknown API " + m.group(1));
                }
            }
            for (String signal : signals) {
                if (!rules.reader().signalNames().contains(signal)) {
                    problems.add(where + "unknown signal " + signal + " (reading/cues.yaml signals)");
                }
            }
            for (Matcher m = LEVEL1.matcher(line); m.find(); ) {
                if (data.categories().level1(m.group(1)).filter(n -> n.name().equals(m.group(1))).isEmpty()) {
                    problems.add(where + "unknown level-1 category " + m.group(1));
                }
            }
        }
    }
}
