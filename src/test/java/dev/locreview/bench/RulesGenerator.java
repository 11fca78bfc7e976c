package dev.locreview.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.locreview.RulesFolder;

/**
 * A rule set `scale` times the size of the real policy, for the growth benchmark: the real rules and
 * data, plus synthetic level-1 categories, scenarios, lexicon entries and grants, shaped exactly like the
 * real ones (GL-style grants with their own clause, decided by the one grant rule).
 */
public final class RulesGenerator {

    private RulesGenerator() {
    }

    public static Path generate(Path rules, int scale) throws IOException {
        Path target = RulesFolder.copy(rules);
        int realGrants = (int) Files.readAllLines(rules.resolve("data/grants.yaml")).stream()
                .filter(l -> l.startsWith("- clause:")).count();
        int extra = realGrants * (scale - 1);
        StringBuilder categories = new StringBuilder("\n");
        StringBuilder scenarios = new StringBuilder("\n");
        StringBuilder grants = new StringBuilder("\n");
        StringBuilder lexicon = new StringBuilder("\n");
        for (int i = 1; i <= extra; i++) {
            String code = "SYNTHETIC_" + letters(i);
            categories.append("- name: 合成类目").append(i).append("\n  level2: [子类甲, 子类乙]\n");
            scenarios.append("- {code: ").append(code).append(", kind: QUALIFYING, label: 合成场景").append(i)
                    .append(", labelEn: \"Synthetic ").append(i).append("\"}\n");
            grants.append("- clause: SYN").append(i).append("\n  name: SYN").append(i).append(" synthetic grant\n  family: PRECISE_ONCE\n  categories: [合成类目").append(i)
                    .append("]\n  scenarios: [").append(code).append("]\n  quote: 合成条款").append(i).append('\n');
            lexicon.append(code).append(":\n  - phrases: [合成用途").append(i).append("甲, 合成用途").append(i)
                    .append("乙]\n  - together: [[合成动作").append(i).append("], [合成对象").append(i).append("]]\n");
        }
        append(target.resolve("data/categories.yaml"), categories);
        append(target.resolve("data/scenarios.yaml"), scenarios);
        append(target.resolve("data/grants.yaml"), grants);
        append(target.resolve("reading/lexicon.yaml"), lexicon);
        return target;
    }

    /** 1 → A, 27 → AA: scenario codes are letters and underscores. */
    static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int k = n; k > 0; k = (k - 1) / 26) {
            s.insert(0, (char) ('A' + (k - 1) % 26));
        }
        return s.toString();
    }

    private static void append(Path file, CharSequence text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }
}
