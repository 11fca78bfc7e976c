package dev.locreview.reading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.List;

import org.ahocorasick.trie.Emit;

import dev.locreview.policy.Scenario;
import dev.locreview.policy.AppCategory;
import dev.locreview.policy.Evidence;

/**
 * Reads a 申请原因 the way a reviewer does: finds where it speaks of a usage scenario, and for each,
 * whether its clause denies it, restricts the location to it, or speaks of using the location at all.
 * What the mentions amount to is for the reading rules to decide; this class only finds them.
 */
public final class ReasonReader {

    /** A negation cue reaches this many characters forward in its clause (不展示…骑手的实时位置). */
    private static final int NEGATION_REACH = 10;
    /** A topic cue reaches this far from the phrase it makes a topic of (代驾优惠券, 报道共享单车、代驾等动态). */
    private static final int TOPIC_REACH = 8;

    private final Lexicon lexicon;

    public ReasonReader(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The signal kinds the reading can find (rules/reading/cues.yaml). */
    public java.util.Set<String> signalNames() {
        return lexicon.signalNames();
    }

    private record Hit(int start, int end, String word) {
        boolean inside(Hit other) {
            return start >= other.start && end <= other.end && this != other;
        }
    }

    private record Candidate(Lexicon.Entry entry, int start, int end) {
        int length() {
            return end - start;
        }

        boolean overlaps(Candidate other) {
            return start < other.end && other.start < end;
        }
    }

    /** What the reason says: its mentions of usage scenarios in text order, and any too-vague purpose. */
    public record Reading(List<Mention> mentions, List<VaguePurpose> vague, List<LocationScoped> scoped,
                          List<Signal> signals) {

        public List<Object> facts() {
            List<Object> facts = new ArrayList<>(mentions);
            facts.addAll(vague);
            facts.addAll(scoped);
            facts.addAll(signals);
            return facts;
        }
    }

    /**
     * Reads a reason for an app of the given categories (lexicon entries may hold only under some
     * categories: 跑腿 is errand receipt for a shop).
     */
    public Reading read(String reason, List<AppCategory> appCategories) {
        if (reason == null || reason.isBlank()) {
            return new Reading(List.of(), List.of(), List.of(), List.of());
        }
        List<Set<String>> categories = appCategories.stream().map(ReasonReader::names).toList();
        String text = Lexicon.fold(reason);
        int[] clause = breaks(text, true);
        int[] sentence = breaks(text, false);
        List<Hit> negations = new ArrayList<>();
        List<Hit> postNegations = new ArrayList<>();
        List<Hit> restrictions = new ArrayList<>();
        List<Hit> postRestrictions = new ArrayList<>();
        List<Hit> locations = new ArrayList<>();
        List<Hit> businesses = new ArrayList<>();
        List<Hit> topicsBefore = new ArrayList<>();
        List<Hit> topicsAfter = new ArrayList<>();
        List<VaguePurpose> vague = new ArrayList<>();
        List<Hit> notNegations = new ArrayList<>();
        List<Hit> noLocations = new ArrayList<>();
        List<Hit> others = new ArrayList<>();
        List<Hit> notRestrictions = new ArrayList<>();
        for (Emit emit : sorted(lexicon.cues(text))) {
            Hit hit = new Hit(emit.getStart(), emit.getEnd() + 1, emit.getKeyword());
            for (Lexicon.Cue kind : lexicon.cueKinds(emit.getKeyword())) {
                switch (kind) {
                    case NO_LOCATION -> noLocations.add(hit);
                    case OTHERS -> others.add(hit);
                    case NEGATION -> negations.add(hit);
                    case NOT_NEGATION -> notNegations.add(hit);
                    case POST_NEGATION -> postNegations.add(hit);
                    case RESTRICTION -> restrictions.add(hit);
                    case NOT_RESTRICTION -> notRestrictions.add(hit);
                    case POST_RESTRICTION -> postRestrictions.add(hit);
                    case LOCATION -> locations.add(hit);
                    case BUSINESS -> businesses.add(hit);
                    case TOPIC_BEFORE -> topicsBefore.add(hit);
                    case TOPIC_AFTER -> topicsAfter.add(hit);
                    case VAGUE -> vague.add(new VaguePurpose(
                            new Evidence(reason.substring(hit.start(), hit.end()), hit.start(), hit.end(), null)));
                }
            }
        }
        negations.removeIf(n -> notNegations.stream().anyMatch(n::inside)
                || negations.stream().anyMatch(n::inside));
        postNegations.removeIf(n -> notNegations.stream().anyMatch(n::inside)
                || postNegations.stream().anyMatch(n::inside));
        restrictions.removeIf(r -> notRestrictions.stream().anyMatch(r::inside) || notNegations.stream().anyMatch(r::inside));
        List<LocationScoped> scoped = new ArrayList<>();
        for (Hit other : others) {
            int at = clause[other.start()];
            boolean speaksOfLocation = first(locations, h -> clause[h.start()] == at) != null;
            boolean deniesIt = first(noLocations, h -> clause[h.start()] == at) != null
                    || (speaksOfLocation && first(negations, h -> clause[h.start()] == at) != null);
            if (deniesIt || (other.word().startsWith("以上") && speaksOfLocation)) {
                int from = other.start();
                int to = from;
                while (to < text.length() && clause[to] == at && !lexicon.isClauseBreak(text.charAt(to))) {
                    to++;
                }
                scoped.add(new LocationScoped(new Evidence(reason.substring(from, to), from, to, other.word())));
            }
        }
        // "不需要定位" speaks of the location to deny it: it is not a use of it.
        locations.removeIf(l -> noLocations.stream().anyMatch(l::inside));

        List<Mention> mentions = new ArrayList<>();
        for (Candidate c : candidates(text, clause, categories)) {
            int at = clause[c.start()];
            Hit negation = last(negations, h -> clause[h.start()] == at && h.end() <= c.start()
                    && c.start() - h.end() <= NEGATION_REACH);
            if (negation == null) {
                negation = first(postNegations, h -> clause[h.start()] == at && h.start() >= c.end());
            }
            if (negation == null) {
                int in = sentence[c.start()];
                negation = first(noLocations, h -> sentence[h.start()] == in && h.start() >= c.end());
            }
            Hit restriction = last(restrictions, h -> clause[h.start()] == at && h.end() <= c.start());
            if (restriction == null) {
                restriction = first(postRestrictions, h -> clause[h.start()] == at && h.start() >= c.end());
            }
            boolean locationUse = c.entry().located() || first(locations, h -> clause[h.start()] == at) != null;
            boolean business = first(businesses, h -> clause[h.start()] == at) != null;
            Hit topic = last(topicsBefore, h -> clause[h.start()] == at && h.end() <= c.start()
                    && c.start() - h.end() <= TOPIC_REACH);
            if (topic == null) {
                topic = first(topicsAfter, h -> clause[h.start()] == at && h.start() >= c.end()
                        && h.start() - c.end() <= TOPIC_REACH);
            }
            // Only a qualifying use can be a mere topic: a city next to a coupon is the marketing case itself.
            if (negation == null && topic != null && c.entry().scenario().kind() == Scenario.Kind.QUALIFYING) {
                negation = topic;
            }
            boolean negated = negation != null;
            Lexicon.Entry entry = c.entry();
            boolean sentenceLocationUse = first(locations, h -> sentence[h.start()] == sentence[c.start()]) != null;
            Scenario effective = negated ? entry.whenNegated() : entry.positive() ? entry.scenario() : null;
            Hit cue = negated ? negation : restriction;
            int from = cue == null ? c.start() : Math.min(c.start(), cue.start());
            int to = cue == null ? c.end() : Math.max(c.end(), cue.end());
            Evidence evidence = new Evidence(reason.substring(from, to), from, to,
                    cue == null ? null : reason.substring(cue.start(), cue.end()));
            mentions.add(new Mention(entry.scenario(), effective, negated, restriction != null, locationUse, business,
                    entry.weak(), sentenceLocationUse, at, evidence));
        }
        return new Reading(mentions, vague, scoped, signals(reason, text, sentence));
    }

    /** The gate signals of the text; one cancels another of its sentence as cues.yaml says. */
    private List<Signal> signals(String reason, String text, int[] sentence) {
        List<Signal> found = new ArrayList<>();
        for (Emit emit : sorted(lexicon.signals(text))) {
            int from = emit.getStart();
            int to = emit.getEnd() + 1;
            lexicon.signalKinds(emit.getKeyword()).forEach(kind -> found.add(
                    new Signal(kind, sentence[from], new Evidence(reason.substring(from, to), from, to, null))));
        }
        return found.stream().filter(s -> found.stream().noneMatch(other -> other.getSentence() == s.getSentence()
                && lexicon.cancelling(s.getKind()).contains(other.getKind()))).toList();
    }

    /** Phrase and co-occurrence matches whose entries hold for these categories; the longest wins an overlap. */
    private List<Candidate> candidates(String text, int[] clause, List<Set<String>> categories) {
        List<Candidate> all = new ArrayList<>();
        for (Emit emit : lexicon.phrases(text)) {
            for (Lexicon.Entry entry : lexicon.entriesFor(emit.getKeyword())) {
                if (entry.appliesTo(categories)) {
                    all.add(new Candidate(entry, emit.getStart(), emit.getEnd() + 1));
                }
            }
        }
        List<List<Hit>> wordsByClause = new ArrayList<>();
        for (Emit e : sorted(lexicon.groupWords(text))) {
            int at = clause[e.getStart()];
            while (wordsByClause.size() <= at) {
                wordsByClause.add(new ArrayList<>());
            }
            wordsByClause.get(at).add(new Hit(e.getStart(), e.getEnd() + 1, e.getKeyword()));
        }
        Set<Lexicon.Entry> possible = new java.util.TreeSet<>(Comparator.comparingInt(Lexicon.Entry::order));
        wordsByClause.forEach(words -> words.forEach(w -> possible.addAll(lexicon.togetherEntriesStartingWith(w.word()))));
        for (Lexicon.Entry entry : possible) {
            if (entry.appliesTo(categories)) {
                together(entry, wordsByClause, all);
            }
        }
        // Phrases of different scenarios compete for the same words (扫码开锁 is not 开锁): the longer reading
        // wins. A phrase and a co-occurrence of the same scenario are one mention: the wider span wins.
        all.sort(Comparator.comparingInt(Candidate::length).reversed().thenComparingInt(Candidate::start)
                .thenComparing(c -> c.entry().together()).thenComparingInt(c -> c.entry().order()));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : all) {
            boolean beaten = kept.stream().anyMatch(k -> k.overlaps(c)
                    && (k.entry().scenario() == c.entry().scenario() || (!c.entry().together() && !k.entry().together()
                        && k.length() > c.length())));
            if (!beaten) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start).thenComparing(c -> c.entry().scenario().code()));
        return kept;
    }

    /** One word of each group in the same clause: a mention spanning them, once per clause. */
    private static void together(Lexicon.Entry entry, List<List<Hit>> wordsByClause, List<Candidate> out) {
        for (List<Hit> words : wordsByClause) {
            int from = Integer.MAX_VALUE;
            int to = -1;
            boolean all = !words.isEmpty();
            for (List<String> group : entry.groups()) {
                Hit hit = all ? first(words, h -> group.contains(h.word())) : null;
                if (hit == null) {
                    all = false;
                    break;
                }
                from = Math.min(from, hit.start());
                to = Math.max(to, hit.end());
            }
            if (all) {
                out.add(new Candidate(entry, from, to));
            }
        }
    }

    /** The clause (or sentence) number of every character; a break belongs to the part it closes. */
    private int[] breaks(String text, boolean clauses) {
        int[] part = new int[text.length()];
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            part[i] = k;
            char c = text.charAt(i);
            if (clauses ? lexicon.isClauseBreak(c) : lexicon.isSentenceBreak(c)) {
                k++;
            }
        }
        return part;
    }

    /** The names a lexicon entry may give a category by: "一级" and "一级-二级". */
    private static Set<String> names(AppCategory category) {
        return category.getLevel2() == null ? Set.of(category.getLevel1())
                : Set.of(category.getLevel1(), category.getLevel1() + "-" + category.getLevel2());
    }

    private static List<Emit> sorted(Collection<Emit> emits) {
        return emits.stream().sorted(Comparator.comparingInt(Emit::getStart).thenComparingInt(Emit::getEnd)).toList();
    }

    private static Hit first(List<Hit> hits, java.util.function.Predicate<Hit> test) {
        for (Hit h : hits) {
            if (test.test(h)) {
                return h;
            }
        }
        return null;
    }

    private static Hit last(List<Hit> hits, java.util.function.Predicate<Hit> test) {
        Hit found = null;
        for (Hit h : hits) {
            if (test.test(h)) {
                found = h;
            }
        }
        return found;
    }
}
