package dev.locreview.reading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;

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
    record Entry(int order, Scenario scenario, List<Set<String>> groups, boolean together, Set<String> categories,
                 Set<String> notCategories, Set<String> exceptWith, Scenario whenNegated, boolean positive,
                 boolean located, boolean weak, boolean business, boolean sentenceWide, Set<String> notWith) {

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
                     Boolean located, Boolean weak, Boolean business, String within, List<String> notWith) {
    }

    /** cues.yaml's reaches, break characters and the lists that are not cue kinds; each cue kind's list is keyed by {@link Cue#key()}. */
    record CueFile(String clauseBreaks, String sentenceBreaks, int negationReach, int postNegationReach, int topicReach, int longText,
                   List<String> destination, List<String> noAnswer, List<String> yesAnswer, List<String> tagLine, List<String> people,
                   List<String> softBreaks, List<String> spokenOpeners, List<String> positionWords,
                   Map<String, SignalFile> signals) {
    }

    /**
     * A signal's words, and the signals that cancel it in its clause (a track on a third-party map app); `deniable`: a
     * negation or another app in its clause takes it back (不展示司机实时位置); `after`: it counts only after one of these
     * signals in its sentence (the updates paused after the user leaves: 离开小程序……定位都会暂停); `unlessSentence`: the
     * signals that cancel it anywhere in its sentence (updates asked for to make one check-in exact: 为保证报到准确，申请……).
     */
    record SignalFile(List<String> phrases, List<String> unless, Boolean deniable, List<String> after,
                      List<String> unlessSentence) {
    }

    /** The kinds of cue; each reads the list of cues.yaml named by its {@link #key()}. */
    enum Cue { NO_LOCATION, OTHERS, OTHERS_STATED, NOT_YET, AHEAD, ENDED, NOW, ELSEWHERE, CONDITIONAL, NEGATION, NOT_NEGATION, POST_NEGATION, RESTRICTION, NOT_RESTRICTION, POST_RESTRICTION, TOPIC_BEFORE,
        TOPIC_AFTER, BUSINESS, VAGUE, LOCATION, OTHER_PURPOSE, ASK_PERMISSION, YES_NO, TOPIC_MARKER, NOT_FEATURE, POLICY_REFERENCE, UNDECIDED, ANAPHOR, ONLY_DOES, ALL_OF_THEM, GATHERING, IF_NEEDED, CORRECTION, OWN_DOCUMENT, ABOVE, ENUMERATION, ALSO,
        POLICY_PERMITS, OWN_VOICE, APPLICATION, PURPOSE_HEADING, PURPOSE_OPENER, NOT_CUE, CONDITION_THEN, OBJECTION, CONTRAST, ROLE, REFUSAL, SOURCE, DETAIL_CORRECTED, SUPPOSITION, VERDICT, SPARED, RHETORICAL, PAST_OPENER, PAST_END, TOPIC_OPENER, ONE_FIX;

        /** Its list's name in cues.yaml: the constant in lower camel case (NOT_YET: notYet). */
        String key() {
            String[] parts = name().toLowerCase(java.util.Locale.ROOT).split("_");
            StringBuilder key = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                key.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
            return key.toString();
        }
    }

    /** How many automata hold the words (see {@link #words}). */
    private static final int AUTOMATA = 4;
    private static final Word NO_WORD = new Word(List.of(), List.of(), false, List.of(), List.of());

    /**
     * Every word of every list, each with all it is, so a word found needs no other lookup: in a few automata over
     * consecutive runs of the sorted words. Building one automaton takes about four times the heap it keeps (its
     * builder's trie of objects); built a part at a time, a reload (which builds beside the live rule set) peaks
     * 20–30 MB lower. The text is walked once per part, which costs nothing measurable beside the rest of a reading.
     */
    private final List<AhoCorasickDoubleArrayTrie<Word>> words;
    /** The first word of each automaton but the first, in order: where a word is looked up. */
    private final List<String> partStarts;
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
    private final List<String> softBreaks;
    private final List<String> spokenOpeners;
    private final Set<String> positionWords;
    private final Concepts concepts;
    private final Map<String, Set<String>> cancelledBy = new LinkedHashMap<>();
    private final Set<String> deniable = new java.util.HashSet<>();
    private final Map<String, Set<String>> after = new HashMap<>();
    private final Map<String, Set<String>> cancelledInSentenceBy = new HashMap<>();

    private Lexicon(List<Entry> entries, CueFile cueFile, Map<Cue, List<String>> cueLists, Concepts concepts, Path file,
                    List<String> categoryNames, WordCache cache) {
        this.clauseBreaks = fold(cueFile.clauseBreaks());
        this.sentenceBreaks = fold(cueFile.sentenceBreaks());
        this.negationReach = cueFile.negationReach();
        this.postNegationReach = cueFile.postNegationReach();
        this.topicReach = cueFile.topicReach();
        this.longText = cueFile.longText();
        this.yesAnswers = cueFile.yesAnswer().stream().map(Lexicon::fold).toList();
        this.tagLines = cueFile.tagLine().stream().map(Lexicon::fold).toList();
        this.people = cueFile.people().stream().map(Lexicon::fold).toList();
        this.softBreaks = cueFile.softBreaks().stream().map(Lexicon::fold).toList();
        this.spokenOpeners = cueFile.spokenOpeners() == null ? List.of()
                : cueFile.spokenOpeners().stream().map(Lexicon::fold).toList();
        this.destinations = cueFile.destination().stream().map(Lexicon::fold).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.noAnswers = cueFile.noAnswer().stream().map(Lexicon::fold).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.concepts = concepts;
        // (every list of cues.yaml is there: load refuses a file that lacks one)
        this.positionWords = Set.copyOf(concepts.expand(cueFile.positionWords(), file + " positionWords"));
        cueFile.signals().forEach((kind, signal) -> {
            cancelledBy.put(kind, signal.unless() == null ? Set.of() : Set.copyOf(signal.unless()));
            if (signal.after() != null) {
                after.put(kind, Set.copyOf(signal.after()));
            }
            if (signal.unlessSentence() != null) {
                cancelledInSentenceBy.put(kind, Set.copyOf(signal.unlessSentence()));
            }
            if (Boolean.TRUE.equals(signal.deniable())) {
                deniable.add(kind);
            }
        });
        Automata automata = cache.get(entries, () -> build(entries, cueFile, cueLists, concepts, file, categoryNames));
        this.words = automata.parts();
        this.partStarts = automata.starts();
    }

    /** The automata over every word, and the first word of each but the first (see {@link #words}). */
    record Automata(List<AhoCorasickDoubleArrayTrie<Word>> parts, List<String> starts) {
    }

    /** Expands every list to its words and builds the automata over them: most of a rule load (WordCache keeps it). */
    private static Automata build(List<Entry> entries, CueFile cueFile, Map<Cue, List<String>> cueLists,
                                  Concepts concepts, Path file, List<String> categoryNames) {
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
        Set<String> groupWords = new java.util.HashSet<>(words);
        Map<String, List<Cue>> kinds = new LinkedHashMap<>();
        for (Cue cue : Cue.values()) {
            add(kinds, concepts.expand(cueLists.get(cue), file + " " + cue.key()), cue);
        }
        // where someone goes speaks of the location too; the name of a category (生活服务-跑腿) names the category,
        // not a feature of the mini-program
        add(kinds, concepts.expand(cueFile.destination(), file + " destination"), Cue.LOCATION);
        add(kinds, categoryNames.stream().map(Lexicon::fold).toList(), Cue.NOT_FEATURE);
        Map<String, List<String>> signalKinds = new HashMap<>();
        cueFile.signals().forEach((kind, signal) -> concepts.expand(signal.phrases(), file + " signals." + kind)
                .forEach(w -> signalKinds.computeIfAbsent(w, k -> new ArrayList<>()).add(kind)));
        Set<String> all = new java.util.HashSet<>(byPhrase.keySet());
        all.addAll(groupWords);
        all.addAll(kinds.keySet());
        all.addAll(signalKinds.keySet());
        // Sorted once; each automaton takes a consecutive run of the words, put in ascending order.
        String[] sorted = all.toArray(String[]::new);
        java.util.Arrays.sort(sorted);
        Map<Object, Object> distinct = new HashMap<>();
        List<AhoCorasickDoubleArrayTrie<Word>> parts = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        int size = Math.max(1, (sorted.length + AUTOMATA - 1) / AUTOMATA);
        for (int from = 0; from < sorted.length; from += size) {
            java.util.TreeMap<String, Word> part = new java.util.TreeMap<>();
            for (int i = from; i < Math.min(sorted.length, from + size); i++) {
                String w = sorted[i];
                Word word = new Word(listed(byPhrase, w), listed(byFirstGroupWord, w), groupWords.contains(w),
                        once(distinct, listed(kinds, w)), once(distinct, listed(signalKinds, w)));
                // (a word of a lexicon entry keeps its own: comparing entries would compare their whole phrase sets)
                part.put(w, word.phrases().isEmpty() && word.together().isEmpty() ? once(distinct, word) : word);
            }
            if (!parts.isEmpty()) {
                starts.add(part.firstKey());
            }
            AhoCorasickDoubleArrayTrie<Word> automaton = new AhoCorasickDoubleArrayTrie<>();
            automaton.build(part);
            parts.add(automaton);
        }
        return new Automata(List.copyOf(parts), List.copyOf(starts));
    }

    /**
     * What one word of the automaton is: every list it is in, each exactly as long as it is. About 100,000 words are
     * mostly cue words, and few are what they are: a word's lists of cues and signals, and a word in no lexicon
     * entry, are kept once for all the words alike (the automaton gives a word's text from the text it walks).
     */
    record Word(List<Entry> phrases, List<Entry> together, boolean groupWord, List<Cue> cues,
                        List<String> signals) {
    }

    /** The word's list, copied to its length. */
    private static <T> List<T> listed(Map<String, List<T>> lists, String word) {
        List<T> list = lists.get(word);
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The value equal to this one seen first: words alike, and their lists, are kept once. */
    @SuppressWarnings("unchecked")
    private static <T> T once(Map<Object, Object> distinct, T value) {
        return (T) distinct.computeIfAbsent(value, v -> v);
    }

    private Word word(String text) {
        int part = java.util.Collections.binarySearch(partStarts, text);
        Word word = words.isEmpty() ? null : words.get(part >= 0 ? part + 1 : -part - 1).get(text);
        return word == null ? NO_WORD : word;
    }

    /** One word found in the text: its first and last character, and the word. */
    record Emit(int getStart, int getEnd, String getKeyword) {
    }

    /** A word found, and what it is. */
    private record Match(Emit emit, Word word) {
    }

    /** What the walks over a folded text found, per list: lexicon phrases, co-occurrence words, cues and signals. */
    record Found(List<Emit> phrases, List<Emit> groupWords, List<Emit> cues, List<Emit> signals) {
    }

    Found find(String folded) {
        List<Emit> phrases = new ArrayList<>();
        List<Emit> groupWords = new ArrayList<>();
        List<Emit> cues = new ArrayList<>();
        List<Emit> signals = new ArrayList<>();
        List<Match> found = new ArrayList<>();
        for (AhoCorasickDoubleArrayTrie<Word> automaton : words) {
            automaton.parseText(folded, (begin, end, word) -> found.add(new Match(new Emit(begin, end - 1, folded.substring(begin, end)), word)));
        }
        found.sort(java.util.Comparator.comparingInt((Match m) -> m.emit().getStart()).thenComparingInt(m -> m.emit().getEnd()));
        for (Match match : found) {
            Emit emit = match.emit();
            Word word = match.word();
            if (!word.phrases().isEmpty()) {
                phrases.add(emit);
            }
            if (word.groupWord()) {
                groupWords.add(emit);
            }
            if (!word.cues().isEmpty()) {
                cues.add(emit);
            }
            if (!word.signals().isEmpty()) {
                signals.add(emit);
            }
        }
        return new Found(phrases, groupWords, cues, signals);
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
        Concepts concepts = new Concepts(conceptFile.families(), conceptFile.variants(), conceptFile.respellings());
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
                // sets kept in the order written: the reader asks of each word found which group holds it
                List<Set<String>> folded = groups.stream().<Set<String>>map(g -> java.util.Collections.unmodifiableSet(
                        new java.util.LinkedHashSet<>(concepts.expand(g, lexiconFile + " " + code)))).toList();
                if (e.within() != null && !e.within().equals("sentence") && !e.within().equals("clause")) {
                    throw new RuleSetException(lexiconFile + ": an entry of " + code + " has within: " + e.within()
                            + " (clause or sentence)");
                }
                entries.add(new Entry(entries.size(), scenario, folded, together, names(e.categories()), names(e.notCategories()), names(e.exceptWith()),
                        e.negated() == null ? null : scenario(data, e.negated(), lexiconFile),
                        e.positive() == null || e.positive(), Boolean.TRUE.equals(e.located()),
                        Boolean.TRUE.equals(e.weak()), Boolean.TRUE.equals(e.business()), "sentence".equals(e.within()),
                        e.notWith() == null ? Set.of() : Set.copyOf(concepts.expand(e.notWith(), lexiconFile + " " + code))));
            }
        });
        List<String> categoryNames = data.categories().nodes().stream()
                .flatMap(node -> node.level2().stream().map(level2 -> node.name() + "-" + level2)).toList();
        Map<String, Object> cueTree = read(cueFile, new TypeReference<>() { });
        Map<Cue, List<String>> cueLists = new java.util.EnumMap<>(Cue.class);
        for (Cue cue : Cue.values()) {
            if (!(cueTree.remove(cue.key()) instanceof List<?> list)) {
                throw new RuleSetException(cueFile + ": `" + cue.key() + "` is missing");
            }
            cueLists.put(cue, list.stream().map(String::valueOf).toList());
        }
        Set<String> known = java.util.Arrays.stream(CueFile.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).collect(java.util.stream.Collectors.toSet());
        cueTree.keySet().stream().filter(key -> !known.contains(key)).findFirst().ifPresent(key -> {
            throw new RuleSetException(cueFile + ": `" + key + "` is not a list of cues.yaml");
        });
        CueFile rest;
        try {
            rest = YAML.convertValue(cueTree, CueFile.class);
        } catch (IllegalArgumentException e) {
            throw new RuleSetException(cueFile + ": " + e.getMessage(), e);
        }
        Lexicon lexicon = new Lexicon(entries, complete(rest, cueFile), cueLists, concepts, cueFile, categoryNames,
                WordCache.of(folder, categoryNames));
        lexicon.knownSignals(lexicon.cancelledBy, cueFile, "is cancelled by");
        lexicon.knownSignals(lexicon.after, cueFile, "comes after");
        lexicon.knownSignals(lexicon.cancelledInSentenceBy, cueFile, "is cancelled by");
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

    List<Entry> entriesFor(String phrase) { return word(phrase).phrases(); }
    /** The co-occurrence entries whose first group has this word: only these can hold where it is found. */
    List<Entry> togetherEntriesStartingWith(String word) { return word(word).together(); }
    List<Cue> cueKinds(String word) { return word(word).cues(); }
    List<String> signalKinds(String word) { return word(word).signals(); }
    /** Every signal a signal names (`unless`, `after`, `unlessSentence`) is one cues.yaml defines. */
    private void knownSignals(Map<String, Set<String>> named, Path cueFile, String relation) {
        named.forEach((kind, others) -> others.stream().filter(o -> !cancelledBy.containsKey(o)).findFirst()
                .ifPresent(o -> {
                    throw new RuleSetException(cueFile + ": signal " + kind + " " + relation + " unknown signal " + o);
                }));
    }

    Set<String> cancelling(String kind) { return cancelledBy.getOrDefault(kind, Set.of()); }
    Set<String> cancellingInSentence(String kind) { return cancelledInSentenceBy.getOrDefault(kind, Set.of()); }
    boolean deniable(String kind) { return deniable.contains(kind); }
    /** The signals one of which must come before this one in its sentence; empty when it stands alone. */
    Set<String> after(String kind) { return after.getOrDefault(kind, Set.of()); }
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
    /** Whether a word that turns a run-on text to its next statement starts here (现在, 但是, 另外). */
    boolean opensSoftBreak(String text, int at) {
        return softBreaks.stream().anyMatch(w -> text.startsWith(w, at));
    }
    boolean isSentenceBreak(char c) { return sentenceBreaks.indexOf(c) >= 0; }
    /** The text folded and its misspellings mended (定为 reads 定位), offsets kept. */
    String prepare(String reason) { return concepts.respell(fold(reason)); }
    /** Whether the word names the position itself (位置, 实时位置), no feature. */
    boolean isPositionWord(String word) { return positionWords.contains(word); }
    /** Whether a word that opens the next sentence of a dictated text starts here (嗯, 还有, 以后). */
    boolean opensSpokenSentence(String text, int at) {
        return spokenOpeners.stream().anyMatch(w -> text.startsWith(w, at));
    }
}
