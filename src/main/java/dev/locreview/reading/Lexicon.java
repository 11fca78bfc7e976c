package dev.locreview.reading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.locreview.policy.PolicyData;
import dev.locreview.policy.RuleSetException;
import dev.locreview.policy.Scenario;

/**
 * The phrase lexicon and cue lists of rules/reading, compiled into Aho-Corasick automata so a reason
 * is scanned once for every phrase and cue, whatever the size of the lexicon.
 */
public final class Lexicon {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** One lexicon entry: words for a scenario, with the category context it holds in. */
    record Entry(int order, Scenario scenario, List<List<String>> groups, boolean together, Set<String> categories,
                 Set<String> notCategories, Set<String> exceptWith, Scenario whenNegated, boolean positive,
                 boolean located, boolean weak, boolean sentenceWide, Set<String> notWith) {

        /**
         * Holds when one of the app's categories is named in `categories` (if any are given), and not every
         * one of them is named in `notCategories` (an app that is both a shop and an errand service reads
         * 跑腿 both ways), and none is named in `exceptWith`.
         *
         * @param appCategories the app's categories, each as its names ("一级" and "一级-二级")
         */
        boolean appliesTo(List<Set<String>> appCategories) {
            if (!categories.isEmpty()
                    && appCategories.stream().noneMatch(names -> names.stream().anyMatch(categories::contains))) {
                return false;
            }
            if (appCategories.stream().anyMatch(names -> names.stream().anyMatch(exceptWith::contains))) {
                return false;
            }
            return notCategories.isEmpty() || appCategories.isEmpty()
                    || appCategories.stream().anyMatch(names -> names.stream().noneMatch(notCategories::contains));
        }
    }

    record EntryFile(List<String> phrases, List<List<String>> together, List<String> categories,
                     List<String> notCategories, List<String> exceptWith, String negated, Boolean positive,
                     Boolean located, Boolean weak, String within, List<String> notWith) {
    }

    record CueFile(String clauseBreaks, String sentenceBreaks, int negationReach, int postNegationReach, int topicReach, int longText,
                   List<String> noLocation, List<String> others, List<String> othersStated,
                   List<String> notYet, List<String> ahead, List<String> ended, List<String> now, List<String> elsewhere, List<String> conditional,
                   List<String> negation, List<String> notNegation, List<String> postNegation,
                   List<String> restriction, List<String> notRestriction, List<String> postRestriction,
                   List<String> topicBefore, List<String> topicAfter, List<String> business, List<String> vague,
                   List<String> location, List<String> destination, List<String> otherPurpose, List<String> askPermission, List<String> yesNo, List<String> topicMarker, List<String> noAnswer, List<String> notFeature, List<String> policyReference, List<String> undecided, List<String> anaphor, List<String> onlyDoes, List<String> allOfThem, List<String> gathering, List<String> ifNeeded, List<String> correction, List<String> ownDocument, List<String> above, List<String> enumeration, List<String> also, List<String> yesAnswer, List<String> tagLine, List<String> people, List<String> policyPermits, List<String> ownVoice, List<String> application, List<String> purposeHeading, Map<String, SignalFile> signals) {
    }

    /**
     * A signal's words, and the signals that cancel it in its clause (a track on a third-party map app); `deniable`: a
     * negation or another app in its clause takes it back (不展示司机实时位置).
     */
    record SignalFile(List<String> phrases, List<String> unless, Boolean deniable) {
    }

    enum Cue { NO_LOCATION, OTHERS, OTHERS_STATED, NOT_YET, AHEAD, ENDED, NOW, ELSEWHERE, CONDITIONAL, NEGATION, NOT_NEGATION, POST_NEGATION, RESTRICTION, NOT_RESTRICTION, POST_RESTRICTION, TOPIC_BEFORE,
        TOPIC_AFTER, BUSINESS, VAGUE, LOCATION, OTHER_PURPOSE, ASK_PERMISSION, YES_NO, TOPIC_MARKER, NOT_FEATURE, POLICY_REFERENCE, UNDECIDED, ANAPHOR, ONLY_DOES, ALL_OF_THEM, GATHERING, IF_NEEDED, CORRECTION, OWN_DOCUMENT, ABOVE, ENUMERATION, ALSO,
        POLICY_PERMITS, OWN_VOICE, APPLICATION, PURPOSE_HEADING }

    private final Map<String, List<Entry>> phraseEntries;
    private final Map<String, List<Entry>> togetherEntries;
    private final Trie phrases;
    private final Trie groupWords;
    private final Trie cues;
    private final Map<String, List<Cue>> cueKinds;
    private final String clauseBreaks;
    private final String sentenceBreaks;
    private final int negationReach;
    private final int postNegationReach;
    private final int topicReach;
    private final int longText;
    private final Set<String> noAnswers;
    private final List<String> yesAnswers;
    private final Set<String> destinations;
    private final List<String> tagLines;
    private final List<String> people;
    private final Trie signals;
    private final Map<String, List<String>> signalKinds = new HashMap<>();
    private final Map<String, Set<String>> cancelledBy = new LinkedHashMap<>();
    private final Set<String> deniable = new java.util.HashSet<>();

    private Lexicon(List<Entry> entries, CueFile cueFile, Concepts concepts, Path file, List<String> categoryNames) {
        this.clauseBreaks = fold(cueFile.clauseBreaks());
        this.sentenceBreaks = fold(cueFile.sentenceBreaks());
        this.negationReach = cueFile.negationReach();
        this.postNegationReach = cueFile.postNegationReach();
        this.topicReach = cueFile.topicReach();
        this.longText = cueFile.longText();
        this.yesAnswers = cueFile.yesAnswer().stream().map(Lexicon::fold).toList();
        this.tagLines = cueFile.tagLine().stream().map(Lexicon::fold).toList();
        this.people = cueFile.people().stream().map(Lexicon::fold).toList();
        this.destinations = cueFile.destination().stream().map(Lexicon::fold).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.noAnswers = cueFile.noAnswer().stream().map(Lexicon::fold).collect(java.util.stream.Collectors.toUnmodifiableSet());
        Map<String, List<Entry>> byPhrase = new HashMap<>();
        Map<String, List<Entry>> byFirstGroupWord = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.together()) {
                entry.groups().forEach(words::addAll);
                entry.groups().get(0).forEach(w -> byFirstGroupWord.computeIfAbsent(w, k -> new ArrayList<>()).add(entry));
            } else {
                entry.groups().get(0).forEach(p -> byPhrase.computeIfAbsent(p, k -> new ArrayList<>()).add(entry));
            }
            words.addAll(entry.notWith());
        }
        this.phraseEntries = byPhrase;
        this.togetherEntries = byFirstGroupWord;
        this.phrases = Trie.builder().addKeywords(byPhrase.keySet()).build();
        this.groupWords = Trie.builder().addKeywords(words).build();
        Map<String, List<Cue>> kinds = new LinkedHashMap<>();
        add(kinds, concepts.expand(cueFile.noLocation(), file + " noLocation"), Cue.NO_LOCATION);
        add(kinds, concepts.expand(cueFile.others(), file + " others"), Cue.OTHERS);
        add(kinds, concepts.expand(cueFile.othersStated(), file + " othersStated"), Cue.OTHERS_STATED);
        add(kinds, concepts.expand(cueFile.notYet(), file + " notYet"), Cue.NOT_YET);
        add(kinds, concepts.expand(cueFile.ahead(), file + " ahead"), Cue.AHEAD);
        add(kinds, concepts.expand(cueFile.ended(), file + " ended"), Cue.ENDED);
        add(kinds, concepts.expand(cueFile.now(), file + " now"), Cue.NOW);
        add(kinds, concepts.expand(cueFile.elsewhere(), file + " elsewhere"), Cue.ELSEWHERE);
        add(kinds, concepts.expand(cueFile.conditional(), file + " conditional"), Cue.CONDITIONAL);
        add(kinds, concepts.expand(cueFile.negation(), file + " negation"), Cue.NEGATION);
        add(kinds, concepts.expand(cueFile.notNegation(), file + " notNegation"), Cue.NOT_NEGATION);
        add(kinds, concepts.expand(cueFile.postNegation(), file + " postNegation"), Cue.POST_NEGATION);
        add(kinds, concepts.expand(cueFile.restriction(), file + " restriction"), Cue.RESTRICTION);
        add(kinds, concepts.expand(cueFile.notRestriction(), file + " notRestriction"), Cue.NOT_RESTRICTION);
        add(kinds, concepts.expand(cueFile.postRestriction(), file + " postRestriction"), Cue.POST_RESTRICTION);
        add(kinds, concepts.expand(cueFile.topicBefore(), file + " topicBefore"), Cue.TOPIC_BEFORE);
        add(kinds, concepts.expand(cueFile.topicAfter(), file + " topicAfter"), Cue.TOPIC_AFTER);
        add(kinds, concepts.expand(cueFile.business(), file + " business"), Cue.BUSINESS);
        add(kinds, concepts.expand(cueFile.vague(), file + " vague"), Cue.VAGUE);
        add(kinds, concepts.expand(cueFile.location(), file + " location"), Cue.LOCATION);
        add(kinds, concepts.expand(cueFile.destination(), file + " destination"), Cue.LOCATION);
        add(kinds, concepts.expand(cueFile.otherPurpose(), file + " otherPurpose"), Cue.OTHER_PURPOSE);
        add(kinds, concepts.expand(cueFile.askPermission(), file + " askPermission"), Cue.ASK_PERMISSION);
        add(kinds, concepts.expand(cueFile.yesNo(), file + " yesNo"), Cue.YES_NO);
        add(kinds, concepts.expand(cueFile.topicMarker(), file + " topicMarker"), Cue.TOPIC_MARKER);
        add(kinds, concepts.expand(cueFile.notFeature(), file + " notFeature"), Cue.NOT_FEATURE);
        // the name of a category (生活服务-跑腿) names the category, not a feature of the mini-program
        add(kinds, categoryNames.stream().map(Lexicon::fold).toList(), Cue.NOT_FEATURE);
        add(kinds, concepts.expand(cueFile.policyReference(), file + " policyReference"), Cue.POLICY_REFERENCE);
        add(kinds, concepts.expand(cueFile.undecided(), file + " undecided"), Cue.UNDECIDED);
        add(kinds, concepts.expand(cueFile.anaphor(), file + " anaphor"), Cue.ANAPHOR);
        add(kinds, concepts.expand(cueFile.onlyDoes(), file + " onlyDoes"), Cue.ONLY_DOES);
        add(kinds, concepts.expand(cueFile.allOfThem(), file + " allOfThem"), Cue.ALL_OF_THEM);
        add(kinds, concepts.expand(cueFile.gathering(), file + " gathering"), Cue.GATHERING);
        add(kinds, concepts.expand(cueFile.ifNeeded(), file + " ifNeeded"), Cue.IF_NEEDED);
        add(kinds, concepts.expand(cueFile.correction(), file + " correction"), Cue.CORRECTION);
        add(kinds, concepts.expand(cueFile.ownDocument(), file + " ownDocument"), Cue.OWN_DOCUMENT);
        add(kinds, concepts.expand(cueFile.above(), file + " above"), Cue.ABOVE);
        add(kinds, concepts.expand(cueFile.enumeration(), file + " enumeration"), Cue.ENUMERATION);
        add(kinds, concepts.expand(cueFile.also(), file + " also"), Cue.ALSO);
        add(kinds, concepts.expand(cueFile.policyPermits(), file + " policyPermits"), Cue.POLICY_PERMITS);
        add(kinds, concepts.expand(cueFile.ownVoice(), file + " ownVoice"), Cue.OWN_VOICE);
        add(kinds, concepts.expand(cueFile.application(), file + " application"), Cue.APPLICATION);
        add(kinds, concepts.expand(cueFile.purposeHeading(), file + " purposeHeading"), Cue.PURPOSE_HEADING);
        this.cueKinds = kinds;
        this.cues = Trie.builder().addKeywords(kinds.keySet()).build();
        Map<String, SignalFile> signalFiles = cueFile.signals() == null ? Map.of() : cueFile.signals();
        signalFiles.forEach((kind, signal) -> {
            concepts.expand(signal.phrases(), file + " signals." + kind)
                    .forEach(w -> signalKinds.computeIfAbsent(w, k -> new ArrayList<>()).add(kind));
            cancelledBy.put(kind, signal.unless() == null ? Set.of() : Set.copyOf(signal.unless()));
            if (Boolean.TRUE.equals(signal.deniable())) {
                deniable.add(kind);
            }
        });
        this.signals = Trie.builder().addKeywords(signalKinds.keySet()).build();
    }

    private static void add(Map<String, List<Cue>> kinds, List<String> words, Cue cue) {
        if (words != null) {
            words.forEach(w -> kinds.computeIfAbsent(fold(w), k -> new ArrayList<>()).add(cue));
        }
    }

    /** Reads lexicon.yaml and cues.yaml; every scenario code they name must be in the vocabulary. */
    public static Lexicon load(Path folder, PolicyData data) {
        Path lexiconFile = folder.resolve("lexicon.yaml");
        Path cueFile = folder.resolve("cues.yaml");
        Concepts.File conceptFile = read(folder.resolve("concepts.yaml"), new TypeReference<>() { });
        Concepts concepts = new Concepts(conceptFile.families(), conceptFile.variants());
        Map<String, List<EntryFile>> raw = read(lexiconFile, new TypeReference<>() { });
        List<Entry> entries = new ArrayList<>();
        raw.forEach((code, list) -> {
            Scenario scenario = scenario(data, code, lexiconFile);
            for (EntryFile e : list) {
                boolean together = e.together() != null;
                if (together == (e.phrases() != null)) {
                    throw new RuleSetException(lexiconFile + ": an entry of " + code
                            + " needs exactly one of phrases or together");
                }
                List<List<String>> groups = together ? e.together() : List.of(e.phrases());
                List<List<String>> folded = groups.stream().map(g -> concepts.expand(g, lexiconFile + " " + code)).toList();
                if (e.within() != null && !e.within().equals("sentence") && !e.within().equals("clause")) {
                    throw new RuleSetException(lexiconFile + ": an entry of " + code + " has within: " + e.within()
                            + " (clause or sentence)");
                }
                entries.add(new Entry(entries.size(), scenario, folded, together, names(e.categories()), names(e.notCategories()), names(e.exceptWith()),
                        e.negated() == null ? null : scenario(data, e.negated(), lexiconFile),
                        e.positive() == null || e.positive(), Boolean.TRUE.equals(e.located()),
                        Boolean.TRUE.equals(e.weak()), "sentence".equals(e.within()),
                        e.notWith() == null ? Set.of() : Set.copyOf(concepts.expand(e.notWith(), lexiconFile + " " + code))));
            }
        });
        List<String> categoryNames = data.categories().nodes().stream()
                .flatMap(node -> node.level2().stream().map(level2 -> node.name() + "-" + level2)).toList();
        Lexicon lexicon = new Lexicon(entries, complete(read(cueFile, new TypeReference<>() { }), cueFile), concepts, cueFile,
                categoryNames);
        lexicon.cancelledBy.forEach((kind, unless) -> unless.stream().filter(u -> !lexicon.cancelledBy.containsKey(u))
                .findFirst().ifPresent(u -> {
                    throw new RuleSetException(cueFile + ": signal " + kind + " is cancelled by unknown signal " + u);
                }));
        return lexicon;
    }

    private static Set<String> names(List<String> list) {
        return list == null ? Set.of() : Set.copyOf(list);
    }

    private static Scenario scenario(PolicyData data, String code, Path file) {
        return data.scenario(code).orElseThrow(() -> new RuleSetException(file + ": unknown scenario code " + code));
    }

    /** Every list of cues.yaml is required: a rule set that lacks one is refused, naming it. */
    private static CueFile complete(CueFile cues, Path file) {
        for (java.lang.reflect.RecordComponent component : CueFile.class.getRecordComponents()) {
            try {
                if (component.getAccessor().invoke(cues) == null) {
                    throw new RuleSetException(file + ": `" + component.getName() + "` is missing");
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return cues;
    }

    private static <T> T read(Path file, TypeReference<T> type) {
        try {
            return YAML.readValue(Files.readString(file), type);
        } catch (IOException e) {
            throw new RuleSetException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Folds full-width ASCII to ASCII, traditional characters to simplified and lower-cases, keeping every offset
     * where it was; cue words are folded alike, and the break lists name both widths, so punctuation folds too.
     * A hyphen between two Latin letters is a space: «designated-driver» and «turn-by-turn» are the words.
     */
    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            chars[i] = Character.toLowerCase(Simplified.of(c));
        }
        for (int i = 1; i + 1 < chars.length; i++) {
            if (chars[i] == '-' && isLatin(chars[i - 1]) && isLatin(chars[i + 1])) {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    private static boolean isLatin(char c) {
        return c >= 'a' && c <= 'z';
    }

    List<Entry> entriesFor(String phrase) { return phraseEntries.getOrDefault(phrase, List.of()); }
    /** The co-occurrence entries whose first group has this word: only these can hold where it is found. */
    List<Entry> togetherEntriesStartingWith(String word) { return togetherEntries.getOrDefault(word, List.of()); }
    Collection<Emit> phrases(String folded) { return phrases.parseText(folded); }
    Collection<Emit> groupWords(String folded) { return groupWords.parseText(folded); }
    Collection<Emit> cues(String folded) { return cues.parseText(folded); }
    List<Cue> cueKinds(String word) { return cueKinds.getOrDefault(word, List.of()); }
    Collection<Emit> signals(String folded) { return signals.parseText(folded); }
    List<String> signalKinds(String word) { return signalKinds.getOrDefault(word, List.of()); }
    Set<String> cancelling(String kind) { return cancelledBy.getOrDefault(kind, Set.of()); }
    boolean deniable(String kind) { return deniable.contains(kind); }
    /** The signal kinds cues.yaml defines: the only ones a rule may ask for. */
    public Set<String> signalNames() { return cancelledBy.keySet(); }
    int negationReach() { return negationReach; }
    int postNegationReach() { return postNegationReach; }
    int topicReach() { return topicReach; }
    int longText() { return longText; }
    boolean isNoAnswer(String cell) { return noAnswers.contains(cell); }
    /** Whether the text at this offset names people («不点外送的顾客»): what comes before describes them. */
    boolean namesPeople(String text, int at) { return people.stream().anyMatch(w -> text.startsWith(w, at)); }
    /** The labels of a line of tags (关键词：…), which name no use of the mini-program. */
    List<String> tagLines() { return tagLines; }
    /** A location word that says only where someone goes (到家, 上门). */
    boolean isDestination(String word) { return destinations.contains(word); }
    /** Whether the text at this offset answers yes (是。, 是，…). */
    boolean answersYes(String text, int at) {
        return yesAnswers.stream().anyMatch(yes -> text.startsWith(yes, at) && (at + yes.length() == text.length()
                || isClauseBreak(text.charAt(at + yes.length())) || Character.isWhitespace(text.charAt(at + yes.length()))));
    }
    boolean isClauseBreak(char c) { return clauseBreaks.indexOf(c) >= 0; }
    boolean isSentenceBreak(char c) { return sentenceBreaks.indexOf(c) >= 0; }
}
