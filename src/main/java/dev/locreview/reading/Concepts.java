package dev.locreview.reading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.locreview.policy.RuleSetException;

/**
 * The word families and spelling variants of rules/reading/concepts.yaml: a word list that names a family
 * ($RIDER) reads as all its words, and every word also reads in its variant spellings (gps for 定位); a misspelling
 * as long as its word that no one writes otherwise (定为 for 定位) is mended in the text instead. Expansion happens
 * once, when the lexicon is built; the text is still scanned once.
 */
final class Concepts {

    private static final String DOLLAR = "$";
    private static final Pattern PART = Pattern.compile("\\$([A-Z_]+)");
    /** A built word fills in at most so many ways: an uploaded rule set cannot make the lexicon unbounded. */
    private static final int MAX_BUILT = 20_000;

    private final Map<String, List<String>> families;
    /** Variant spellings the words are built with (gps for 定位, 到行 for 导航). */
    private final Map<String, List<String>> variants;
    /**
     * Misspellings as long as their word that no one writes otherwise (定为 for 定位, 嘅 for 的): the text is respelled
     * instead, letter for letter, so no offset moves and no built word is multiplied by them.
     */
    private final Map<String, String> respellings = new java.util.LinkedHashMap<>();

    Concepts(Map<String, List<String>> families, Map<String, List<String>> variants, Map<String, List<String>> respellings) {
        this.families = families == null ? Map.of() : families;
        this.variants = variants == null ? Map.of() : variants;
        (respellings == null ? Map.<String, List<String>>of() : respellings).forEach((head, spellings) -> {
            for (String spelling : spellings) {
                if (spelling.length() != head.length()) {
                    throw new RuleSetException("reading/concepts.yaml respellings: «" + spelling + "» is not as long as «"
                            + head + "»; make it a variant");
                }
                this.respellings.put(Lexicon.fold(spelling), Lexicon.fold(head));
            }
        });
    }

    /** The folded text with every misspelling of concepts.yaml's respellings written as its word. */
    String respell(String text) {
        String out = text;
        for (Map.Entry<String, String> r : respellings.entrySet()) {
            if (out.contains(r.getKey())) {
                out = out.replace(r.getKey(), r.getValue());
            }
        }
        return out;
    }

    record File(Map<String, List<String>> families, Map<String, List<String>> variants,
                Map<String, List<String>> respellings) {
    }

    /** The words of a list with its families spelled out and every variant spelling added, folded. */
    List<String> expand(List<String> words, String where) {
        if (words == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String word : words) {
            compose(word, where, Set.of()).stream().filter(w -> !w.isEmpty())
                    .forEach(w -> addWithVariants(Lexicon.fold(w), out));
        }
        return new ArrayList<>(out);
    }

    /**
     * A word built of families and letters reads as every way of filling it in: «$PAST$PLAN» is 本来打算, 原本计划 …;
     * a family holding '' makes its place optional («$SELF$NOW只»: 小程序只, 小程序目前只 …); a family's own words may be
     * built so too (NAVIGATE holds 带$PERSON过去), but not of itself: an uploaded rule set that builds a family of itself
     * is refused, not expanded forever.
     */
    private List<String> compose(String word, String where, Set<String> inside) {
        List<String> built = List.of("");
        Matcher part = PART.matcher(word);
        int at = 0;
        while (part.find()) {
            built = append(built, List.of(word.substring(at, part.start())));
            String name = part.group(1);
            List<String> family = families.get(name);
            if (family == null) {
                throw new RuleSetException(where + ": unknown word family " + part.group() + " (reading/concepts.yaml)");
            }
            if (inside.contains(name)) {
                throw new RuleSetException(where + ": word family " + part.group() + " is built of itself (reading/concepts.yaml)");
            }
            Set<String> deeper = new java.util.HashSet<>(inside);
            deeper.add(name);
            List<String> filled = new ArrayList<>();
            family.forEach(w -> filled.addAll(w.contains(DOLLAR) ? compose(w, where, deeper) : List.of(w)));
            built = append(built, filled);
            if (built.size() > MAX_BUILT) {
                throw new RuleSetException(where + ": «" + word + "» builds more than " + MAX_BUILT
                        + " words (reading/concepts.yaml)");
            }
            at = part.end();
        }
        return append(built, List.of(word.substring(at)));
    }

    private static List<String> append(List<String> heads, List<String> tails) {
        List<String> out = new ArrayList<>(heads.size() * tails.size());
        heads.forEach(h -> tails.forEach(t -> out.add(h + t)));
        return out;
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
