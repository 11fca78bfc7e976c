package dev.locreview.reading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.locreview.policy.RuleSetException;

/**
 * The word families and spelling variants of rules/reading/concepts.yaml: a word list that names a family
 * ($RIDER) reads as all its words, and every word also reads in its variant spellings (定为 for 定位).
 * Expansion happens once, when the lexicon is built; the text is still scanned once.
 */
final class Concepts {

    static final String FAMILY = "$";

    private final Map<String, List<String>> families;
    private final Map<String, List<String>> variants;

    Concepts(Map<String, List<String>> families, Map<String, List<String>> variants) {
        this.families = families == null ? Map.of() : families;
        this.variants = variants == null ? Map.of() : variants;
    }

    record File(Map<String, List<String>> families, Map<String, List<String>> variants) {
    }

    /** The words of a list with its families spelled out and every variant spelling added, folded. */
    List<String> expand(List<String> words, String where) {
        if (words == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String word : words) {
            if (word.startsWith(FAMILY)) {
                List<String> family = families.get(word.substring(FAMILY.length()));
                if (family == null) {
                    throw new RuleSetException(where + ": unknown word family " + word + " (reading/concepts.yaml)");
                }
                family.forEach(w -> addWithVariants(Lexicon.fold(w), out));
            } else {
                addWithVariants(Lexicon.fold(word), out);
            }
        }
        return new ArrayList<>(out);
    }

    private void addWithVariants(String word, Set<String> out) {
        addSpaced(word, out);
        variants.forEach((head, spellings) -> {
            if (word.contains(head)) {
                spellings.forEach(s -> addSpaced(word.replace(head, Lexicon.fold(s)), out));
            }
        });
    }

    /** A word and, where Latin letters meet Chinese in it, the same with a space between («App 里» for app里). */
    private static void addSpaced(String word, Set<String> out) {
        out.add(word);
        out.add(LATIN_MEETS_CHINESE.matcher(word).replaceAll(" "));
    }

    private static final Pattern LATIN_MEETS_CHINESE =
            Pattern.compile("(?<=[a-z0-9])(?=\\p{IsHan})|(?<=\\p{IsHan})(?=[a-z0-9])");
}
