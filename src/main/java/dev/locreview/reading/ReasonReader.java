package dev.locreview.reading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.locreview.policy.AppCategory;
import dev.locreview.policy.Evidence;
import dev.locreview.policy.Scenario;
import dev.locreview.reading.Lexicon.Emit;

/**
 * Reads a 申请原因 the way a reviewer does: finds where it speaks of a usage scenario, and for each,
 * whether its clause denies it, restricts the location to it, or speaks of using the location at all.
 * What the mentions amount to is for the reading rules to decide; this class only finds them.
 */
public final class ReasonReader {

    /** How far after a now word a still-not makes it one (目前技术还在对接). */
    private static final int NOW_STILL_REACH = 4;
    /** A verdict clause («小程序里没有做»): at most so many clauses after the feature. */
    private static final int VERDICT_REACH = 3;
    /** Clauses after a supposition («如果…») whose negations say what would follow from it. */
    private static final int SUPPOSITION_REACH = 2;
    /**
     * How far apart, in characters, a signal and one that cancels it in its clause may be: a text dictated without
     * punctuation is one clause, and the API named at its end («这就是为什么需要监听位置变化») takes back no track told
     * a hundred characters before it.
     */
    private static final int CANCEL_REACH = 24;

    /** How long a clause runs without punctuation before a turning word (现在, 但是) opens the next one. */
    private static final int RUN_ON = 24;
    /** A sentence this long, run on with commas, is read as the statements its turning words open (runOnSentences). */
    private static final int RUN_ON_SENTENCE = 100;

    /** How many clauses after the location got its purpose may run (定位，自动识别楼号，填进地址栏). */
    private static final int PURPOSE_CLAUSES = 2;

    /** How many mentions that read alike the rules see: enough for every relation a real text makes. */
    static final int ALIKE_MENTIONS = 4;

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

        /** The same word, one holding the other (导航 in 门店导航). */
        boolean sameWord(Hit other) {
            return word.contains(other.word) || other.word.contains(word);
        }
    }

    /** A scenario's words in the text: one phrase, or one word per role (its anchors), spanning start to end. */
    private record Candidate(Lexicon.Entry entry, int start, int end, List<Hit> anchors) {
        int length() {
            return end - start;
        }

        boolean overlaps(Candidate other) {
            return start < other.end && other.start < end;
        }
    }

    /**
     * Where the text's clauses and sentences fall (each character's clause and sentence number, where each starts),
     * which clauses are bracketed remarks, and the heading line each sentence stands under (-1: none).
     */
    private record Layout(int[] clause, int[] sentence, int[] clauseStart, int[] sentenceStart, boolean[] remark,
                          int[] heading) {
    }

    /** What the reason says: its mentions of usage scenarios in text order, and any too-vague purpose. */
    public record Reading(ReasonText text, List<Mention> mentions, List<VaguePurpose> vague,
                          List<LocationScoped> scoped, List<UnreadPurpose> unread, List<Signal> signals) {

        public List<Object> facts() {
            List<Object> facts = new ArrayList<>(mentions);
            facts.add(text);
            facts.addAll(unread);
            facts.addAll(vague);
            facts.addAll(scoped);
            facts.addAll(signals);
            return facts;
        }
    }

    /** How far into the next sentence a denial still answers a question («？暂时还没有»). */
    private static final int ANSWER_REACH = 4;
    /** How long a speaker's label before a colon may be (商家A：, 开发者：). */
    private static final int SPEAKER_LABEL = 5;
    /** How close before a yes-no word a negation makes the question rhetorical («直接定位不好吗？»). */
    private static final int RHETORICAL_REACH = 3;
    /** A release's version line: a version number and at most a short status or title after it. */
    private static final java.util.regex.Pattern VERSION_LINE =
            java.util.regex.Pattern.compile("(?i)(v|版本\\s*|version\\s*)\\d+(\\.\\d+)+\\s*\\S{0,12}");
    /** How far into its sentence a past opener may stand («踩坑：最早……»). */
    private static final int PAST_OPENS = 6;
    /** What may stand between a topic marker and the end of its clause. */
    private static final String PARTICLES = "呢啊吧嘛呀 ";
    /** How far after a policy reference its quotation may open («第5条“…”», «规范一、1)：“…”»). */
    private static final int QUOTE_REACH = 8;
    /** How far before a restriction the location word stands when it is the restriction's subject («定位功能仅用于»). */
    private static final int SUBJECT_REACH = 4;
    private static final String OPENING_QUOTES = "“「『\"‘";
    private static final String CLOSING_QUOTES = "”」』\"’";
    private static final String CHECK_MARKS = "✔✓✅☑✘✗❌☒☐□";
    /** Marks that answer an item no: a cross, or a box left unticked. */
    private static final String CROSSES = "✘✗❌☒×☐□";
    /** Marks that open a bulleted line. Like every check here, on the folded text (：and ） read as : and )). */
    private static final String BULLETS = "·•-*–—●▪◦>";
    /** One to ten. */
    private static final String CHINESE_NUMERALS = "一二三四五六七八九十";
    /** How far into its sentence 该功能 may stand (after a list marker) to speak of the sentence before. */
    private static final int ANAPHOR_REACH = 6;
    /** How near the start of its sentence a correction stands to take back the sentence before («准确地说，…»). */
    private static final int CORRECTION_OPENS = 2;
    /** How far before a clause or article number its own document's name stands («《用户服务协议》第7条»). */
    private static final int OWN_DOCUMENT_REACH = 4;
    /** The longest hashtag, # to #. */
    private static final int HASHTAG = 16;

    /**
     * Reads a reason for an app of the given categories (lexicon entries may hold only under some
     * categories: 跑腿 is errand receipt for a shop).
     */
    public Reading read(String reason, List<AppCategory> appCategories) {
        if (reason == null || reason.isBlank()) {
            return new Reading(new ReasonText(0, false), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        return new Pass(reason, appCategories).read();
    }

    /**
     * One reading of one text: its layout, its cues and what they settle, then one mention per candidate, each step a
     * method of its own. (As one method of 5,500 bytes the optimising JIT gave up on it after seconds of work and 150–200
     * MB of native memory, and the reading ran in the first tier's code.)
     */
    private final class Pass {
        private final String reason;
        // the text, its layout, and what the steps settle in it
        private String text;
        private List<Set<String>> categories;
        private int[] clause;
        private int[] sentence;
        private int[] clauseStart;
        private int[] sentenceStart;
        private int[] heading;
        private int[] item;
        private int[] continued;
        private boolean[] remark;
        private boolean[] topicClause;
        private Hit[] hashtag;
        private Hit[] past;
        private Hit[] question;
        private Hit[] quoted;
        private Hit[] answeredNo;
        private Layout layout;
        private Map<Lexicon.Cue, List<Hit>> cues;
        private List<VaguePurpose> vague;
        private Lexicon.Found found;
        private Map<Integer, Integer> asserting;
        private Set<Integer> stated;
        private Hit statedItem;
        private int statedNumber;
        private List<LocationScoped> scoped;
        private List<Candidate> candidates;
        private Set<Integer> namingClauses;
        private Set<Integer> namingSentences;
        private Set<Integer> featureClauses;
        private Map<Integer, List<Candidate>> namedIn;
        // the cues of each kind (findCues), under the names the steps use
        private List<Hit> negations;
        private List<Hit> postNegations;
        private List<Hit> restrictions;
        private List<Hit> postRestrictions;
        private List<Hit> locations;
        private List<Hit> businesses;
        private List<Hit> topicsBefore;
        private List<Hit> topicsAfter;
        private List<Hit> notNegations;
        private List<Hit> noLocations;
        private List<Hit> others;
        private List<Hit> statedOthers;
        private List<Hit> notYet;
        private List<Hit> ahead;
        private List<Hit> askPermission;
        private List<Hit> gathering;
        private List<Hit> ifNeeded;
        private List<Hit> corrections;
        private List<Hit> detailCorrected;
        private List<Hit> ownDocuments;
        private List<Hit> ended;
        private List<Hit> topicMarkers;
        private List<Hit> notFeatures;
        private List<Hit> policyReferences;
        private List<Hit> undecided;
        private List<Hit> anaphors;
        private List<Hit> now;
        private List<Hit> onlyDoes;
        private List<Hit> conditionals;
        private List<Hit> elsewhere;
        private List<Hit> sources;
        private List<Hit> otherPurposes;
        private List<Hit> vagueWords;
        private List<Hit> notRestrictions;
        private List<Hit> yesNo;
        private List<Hit> allOfThem;
        private List<Hit> also;
        private List<Hit> above;
        private List<Hit> enumerations;
        private List<Hit> permits;
        private List<Hit> ownVoice;
        private List<Hit> applications;
        private List<Hit> purposeHeadings;
        private List<Hit> purposeOpeners;
        private List<Hit> objections;
        private List<Hit> refusals;
        private List<Hit> conditionsThen;
        private List<Hit> spared;
        private List<Hit> suppositions;
        private List<Hit> verdicts;
        private List<Hit> allOthers;

        Pass(String reason, List<AppCategory> appCategories) {
            this.reason = reason;
            categories = appCategories.stream().map(ReasonReader::names).toList();
            text = lexicon.prepare(reason);
            clause = breaks(text, true);
            sentence = runOnSentences(text, breaks(text, false));
            remark = remarks(text, clause);
            hashtag = hashtags(text, sentence);
            tagLines(text, hashtag);
            heading = headings(text, sentence);
            clauseStart = starts(clause);
            sentenceStart = starts(sentence);
            layout = new Layout(clause, sentence, clauseStart, sentenceStart, remark, heading);
        }

        Reading read() {
            findCues();
            settleNegations();
            settleStructure();
            scopeOthers();
            nameCandidates();
            List<Mention> mentions = new ArrayList<>();
            Map<Mention, Candidate> source = new java.util.IdentityHashMap<>();
            for (Candidate c : candidates) {
                Mention mention = mention(c);
                mentions.add(mention);
                source.put(mention, c);
            }
            mentions = plannedLater(mentions, source, sentence, clause, now, lexicon);
            // «小程序只展示师傅资质、收费标准和公司介绍»: a sentence that says the mini-program does only things that are no
            // scenario — naming, from there to its end, no scenario it has, and not speaking of the location in its
            // clause («小程序只在下单时获取一次位置» says when, not what) — says which features are in it.
            List<Mention> read = mentions;
            for (Hit only : onlyDoes) {
                int in = sentence[only.start()];
                boolean namesUse = read.stream().anyMatch(m -> sentence[m.getEvidence().start()] == in
                        && m.getEvidence().end() > only.start() && m.getEffective() != null);
                if (!namesUse && first(locations, h -> clause[h.start()] == clause[only.start()]) == null) {
                    scoped.add(toSentenceEnd(reason, text, sentenceStart, in, only, false));
                }
            }
            // A restricted limit says what the whole application is for (exclusive, as «其他功能都不用定位» beside it would)
            // where the restriction is said of the application itself («这次申请getLocation，只是想识别用户所在城市») or of the
            // location right before it, in a clause naming no qualifying use («定位仅用于识别城市»; a word inside an identifier
            // is not the word: «getFuzzyLocation 只是一次性的大致位置» names an API).
            for (Mention m : read) {
                if (!m.isLimiting() || !m.isRestricted()) {
                    continue;
                }
                int from = m.getEvidence().start();
                Hit subject = first(applications, a -> sentence[a.start()] == sentence[from] && a.start() <= from);
                if (subject == null && m.getClause() == clause[from] && read.stream().noneMatch(o -> o.isQualifying()
                        && !o.isNegated() && o.getClause() == clause[from])) {
                    subject = first(locations, l -> clause[l.start()] == clause[from] && l.end() <= from
                            && from - l.end() <= SUBJECT_REACH && (l.start() == 0 || !isAsciiLetter(text.charAt(l.start() - 1))));
                }
                if (subject != null) {
                    scoped.add(toSentenceEnd(reason, text, sentenceStart, sentence[from], subject, true));
                }
            }
            // «当前版本暂时没有调用定位的地方»: the location used by nothing now, in a sentence naming no feature it has.
            for (Hit none : noLocations) {
                int in = sentence[none.start()];
                boolean saidOfNow = first(now, h -> clause[h.start()] == clause[none.start()] && h.end() <= none.start()) != null;
                if (saidOfNow && read.stream().noneMatch(m -> sentence[m.getEvidence().start()] == in && m.getEffective() != null)) {
                    scoped.add(toSentenceEnd(reason, text, sentenceStart, in, none, false));
                }
            }
            mentions = bounded(mentions);
            return new Reading(new ReasonText(reason.length(), reason.length() >= lexicon.longText()), mentions, vague,
                    scoped, unread(reason, sentence, locations, otherPurposes, vagueWords, also, mentions), signals(reason, found, layout, cues, quoted, past, question));
        }

        /** Every cue of the text by kind, and the cues that a longer word or a following one cancels. */
        private void findCues() {
            // each kind of cue found, in order; what a plan made ahead names is also not yet («先把接口申请下来»)
            cues = new EnumMap<>(Lexicon.Cue.class);
            for (Lexicon.Cue kind : Lexicon.Cue.values()) {
                cues.put(kind, new ArrayList<>());
            }
            vague = new ArrayList<>();
            found = lexicon.find(text);
            for (Emit emit : sorted(found.cues())) {
                Hit hit = new Hit(emit.getStart(), emit.getEnd() + 1, emit.getKeyword());
                for (Lexicon.Cue kind : lexicon.cueKinds(emit.getKeyword())) {
                    cues.get(kind).add(hit);
                    if (kind == Lexicon.Cue.AHEAD) {
                        cues.get(Lexicon.Cue.NOT_YET).add(hit);
                    } else if (kind == Lexicon.Cue.VAGUE) {
                        vague.add(new VaguePurpose(
                                new Evidence(reason.substring(hit.start(), hit.end()), hit.start(), hit.end(), null)));
                    }
                }
            }
            // no cue counts inside a longer word that means something else (研发中 in 研发中心, 以前有 in 以前有人)
            List<Hit> notCues = cues.get(Lexicon.Cue.NOT_CUE);
            // (only a shorter cue inside it: the notCue's own word may be a cue of another kind, 迁移到本小程序 says now)
            if (!notCues.isEmpty()) {
                cues.values().forEach(hits -> hits.removeIf(h -> insideLonger(h, notCues)));
            }
            negations = cues.get(Lexicon.Cue.NEGATION);
            postNegations = cues.get(Lexicon.Cue.POST_NEGATION);
            restrictions = cues.get(Lexicon.Cue.RESTRICTION);
            postRestrictions = cues.get(Lexicon.Cue.POST_RESTRICTION);
            locations = cues.get(Lexicon.Cue.LOCATION);
            businesses = cues.get(Lexicon.Cue.BUSINESS);
            topicsBefore = cues.get(Lexicon.Cue.TOPIC_BEFORE);
            topicsAfter = cues.get(Lexicon.Cue.TOPIC_AFTER);
            notNegations = cues.get(Lexicon.Cue.NOT_NEGATION);
            noLocations = cues.get(Lexicon.Cue.NO_LOCATION);
            others = cues.get(Lexicon.Cue.OTHERS);
            statedOthers = cues.get(Lexicon.Cue.OTHERS_STATED);
            notYet = cues.get(Lexicon.Cue.NOT_YET);
            ahead = cues.get(Lexicon.Cue.AHEAD);
            askPermission = cues.get(Lexicon.Cue.ASK_PERMISSION);
            gathering = cues.get(Lexicon.Cue.GATHERING);
            ifNeeded = cues.get(Lexicon.Cue.IF_NEEDED);
            corrections = cues.get(Lexicon.Cue.CORRECTION);
            detailCorrected = cues.get(Lexicon.Cue.DETAIL_CORRECTED);
            corrections.removeIf(h -> first(detailCorrected, d -> sentence[d.start()] == sentence[h.start()] && d.start() > h.end()) != null);
            ownDocuments = cues.get(Lexicon.Cue.OWN_DOCUMENT);
            ended = cues.get(Lexicon.Cue.ENDED);
            topicMarkers = cues.get(Lexicon.Cue.TOPIC_MARKER);
            notFeatures = cues.get(Lexicon.Cue.NOT_FEATURE);
            policyReferences = cues.get(Lexicon.Cue.POLICY_REFERENCE);
            undecided = cues.get(Lexicon.Cue.UNDECIDED);
            anaphors = cues.get(Lexicon.Cue.ANAPHOR);
            now = cues.get(Lexicon.Cue.NOW);
            onlyDoes = cues.get(Lexicon.Cue.ONLY_DOES);
            // a now that opens a still-not says when it is not yet, not what runs («目前还在测试环境调试», «导航到店目前技术
            // 还在对接地图SDK»)
            now.removeIf(h -> first(notYet, y -> clause[y.start()] == clause[h.start()] && y.start() >= h.end()
                    && y.start() - h.end() <= NOW_STILL_REACH) != null
                    // ... nor one that opens what the mini-program only does instead («……将于国庆节上线，目前小程序只有门票预订»)
                    || first(onlyDoes, o -> clause[o.start()] == clause[h.start()] && o.start() >= h.end()
                            && o.start() - h.end() <= NOW_STILL_REACH) != null);
            conditionals = cues.get(Lexicon.Cue.CONDITIONAL);
            elsewhere = cues.get(Lexicon.Cue.ELSEWHERE);
            sources = cues.get(Lexicon.Cue.SOURCE);
            otherPurposes = cues.get(Lexicon.Cue.OTHER_PURPOSE);
            vagueWords = cues.get(Lexicon.Cue.VAGUE);
            notRestrictions = cues.get(Lexicon.Cue.NOT_RESTRICTION);
            yesNo = cues.get(Lexicon.Cue.YES_NO);
            allOfThem = cues.get(Lexicon.Cue.ALL_OF_THEM);
            also = cues.get(Lexicon.Cue.ALSO);
            above = cues.get(Lexicon.Cue.ABOVE);
            enumerations = cues.get(Lexicon.Cue.ENUMERATION);
            permits = cues.get(Lexicon.Cue.POLICY_PERMITS);
            ownVoice = cues.get(Lexicon.Cue.OWN_VOICE);
            applications = cues.get(Lexicon.Cue.APPLICATION);
            purposeHeadings = cues.get(Lexicon.Cue.PURPOSE_HEADING);
            purposeOpeners = cues.get(Lexicon.Cue.PURPOSE_OPENER);
            objections = cues.get(Lexicon.Cue.OBJECTION);
            refusals = cues.get(Lexicon.Cue.REFUSAL);
            conditionsThen = cues.get(Lexicon.Cue.CONDITION_THEN);
            spared = cues.get(Lexicon.Cue.SPARED);
        }

        /** The negations that deny nothing: doubled, rhetorical, or in what would follow a supposition. */
        private void settleNegations() {
            negations.removeIf(n -> notNegations.stream().anyMatch(n::inside)
                    || negations.stream().anyMatch(n::inside) || isANotA(text, n)
                    // what a feature spares the user («……看到配送车的实时位置，不用在村口干等») is its benefit, not a denial
                    || first(spared, h -> clause[h.start()] == clause[n.start()] && h.start() >= n.end()) != null);
            postNegations.removeIf(n -> notNegations.stream().anyMatch(n::inside)
                    || postNegations.stream().anyMatch(n::inside));
            // A question asked only to assert («难道还要他一个字一个字输入自己在哪吗？», «不持续定位怎么导？») asks nothing, and
            // its negations assert; so do two in one clause that open on «none» («没有哪一单代驾不需要这一步»).
            // What such a question says outright stays asked, that is denied («难道要骑友一直亮着屏幕吗？»); the topic it opens
            // with («车主喝了酒叫代驾，难道……») and what it negates are stated.
            asserting = assertingQuestions(text, clause, sentence, sentenceStart, cues.get(Lexicon.Cue.RHETORICAL), negations);
            stated = new java.util.HashSet<>();
            negations.stream().filter(n -> asserting.containsKey(sentence[n.start()])).forEach(n -> stated.add(clause[n.start()]));
            asserting.forEach((s, opens) -> {
                for (int k = clause[sentenceStart[s]]; k < opens; k++) {
                    stated.add(k);
                }
            });
            List<Hit> twice = Stream.concat(negations.stream(), postNegations.stream())
                    .filter(n -> affirmedTwice(text, n, negations, postNegations, clause)).toList();
            negations.removeIf(n -> asserting.containsKey(sentence[n.start()]) || twice.contains(n));
            postNegations.removeIf(twice::contains);
            suppositions = cues.get(Lexicon.Cue.SUPPOSITION);
            verdicts = cues.get(Lexicon.Cue.VERDICT);
            java.util.function.Predicate<Hit> consequence = n -> first(conditionals,
                    h -> clause[h.start()] == clause[n.start()] && h.start() <= n.start()) != null
                    // ... or in the clauses that follow a supposition in its sentence («如果只能前台定位，这段时间位置就断了，车主看不到
                    // 司机在哪»): what would go wrong, not what the mini-program does
                    || first(suppositions, h -> sentence[h.start()] == sentence[n.start()] && clause[h.start()] < clause[n.start()]
                            && clause[n.start()] - clause[h.start()] <= SUPPOSITION_REACH) != null;
            negations.removeIf(consequence);
            postNegations.removeIf(consequence);
            // (nor is the location not read outside the check's hours or ring: «围栏外或非考勤时段不读位置»)
            noLocations.removeIf(consequence);
            // ... nor after the point its clause opens on («送达后不再获取位置»): when the use ends, not that there is none
            noLocations.removeIf(h -> afterAPoint(text, clauseStart[clause[h.start()]], h.start()));
        }

        /** Past stories, topics, questions, policy quotations, list items, and the restrictions that limit nothing. */
        private void settleStructure() {
            past = pastSpans(text, clause, clauseStart, sentence, sentenceStart, cues.get(Lexicon.Cue.PAST_OPENER),
                    cues.get(Lexicon.Cue.PAST_END));
            topicClause = topics(text, clause, clauseStart, topicMarkers, cues.get(Lexicon.Cue.TOPIC_OPENER));
            // (an answer that says it is not live yet or no longer is a no too: «上门美甲？还在筹备中»)
            List<Hit> noAnswers = Stream.of(negations, notYet, ended).flatMap(List::stream).toList();
            question = questions(text, clause, clauseStart, sentence, yesNo, undecided, negations, noAnswers, topicClause, askPermission);
            stated.forEach(k -> question[k] = null);
            // a clause or article of the mini-program's own agreement or privacy policy is its own word, not the policy's
            policyReferences.removeIf(r -> first(ownDocuments, d -> clause[d.start()] == clause[r.start()] && d.start() <= r.start()
                    && r.start() - d.end() <= OWN_DOCUMENT_REACH) != null);
            quoted = policyQuotes(text, sentence, clause, policyReferences, permits, ownVoice);
            objections(text, quoted, sentence, objections, cues.get(Lexicon.Cue.CONTRAST));
            fallbacks(quoted, sentence, refusals);
            item = items(text, sentence, clauseStart);
            continued = continuations(text, sentence, clauseStart, remark);
            statedItem = first(statedOthers, h -> itemNumber(text, h.end()) > 0);
            statedNumber = statedItem == null ? 0 : itemNumber(text, statedItem.end());
            answeredNo = answeredNo(text, clause, clauseStart);
            restrictions.removeIf(r -> notRestrictions.stream().anyMatch(r::inside) || notNegations.stream().anyMatch(r::inside)
                    // 只有…才 is a condition, not a limit («只有人在这家门店附近才能点成功»)
                    || first(conditionsThen, h -> clause[h.start()] == clause[r.start()] && h.start() >= r.end()) != null);
        }

        /** What the text says of the other features (LocationScoped); location words that only deny the location. */
        private void scopeOthers() {
            scoped = new ArrayList<>();
            allOthers = new ArrayList<>(others);
            allOthers.addAll(statedOthers);
            for (Hit other : allOthers) {
                int at = clause[other.start()];
                boolean speaksOfLocation = first(locations, h -> clause[h.start()] == at) != null;
                boolean deniesIt = first(noLocations, h -> clause[h.start()] == at) != null
                        || (speaksOfLocation && first(negations, h -> clause[h.start()] == at) != null);
                // 「以上仅第2项使用位置」 names the features that use it without denying the others.
                if (deniesIt || (statedOthers.contains(other) && speaksOfLocation)) {
                    int from = other.start();
                    int to = from;
                    while (to < text.length() && clause[to] == at && !lexicon.isClauseBreak(text.charAt(to))) {
                        to++;
                    }
                    boolean exclusive = first(restrictions, r -> sentence[r.start()] == sentence[other.start()]
                            && r.start() < other.start() && first(locations, l -> clause[l.start()] == clause[r.start()]) != null) != null;
                    scoped.add(new LocationScoped(new Evidence(reason.substring(from, to), from, to, other.word()), exclusive));
                }
            }
            // "不需要定位" speaks of the location to deny it: it is not a use of it.
            locations.removeIf(l -> noLocations.stream().anyMatch(l::inside) || notFeatures.stream().anyMatch(l::inside));
        }

        /** The candidates, and the clauses and sentences that name one. */
        private void nameCandidates() {
            candidates = candidates(found, clause, sentence, categories, notFeatures, quoted, negations);
            namingClauses = new java.util.HashSet<>();
            candidates.forEach(c -> c.anchors().forEach(a -> namingClauses.add(clause[a.start()])));
            // ... the sentences that name one, and what each naming clause names
            namingSentences = new java.util.HashSet<>();
            candidates.forEach(c -> c.anchors().forEach(a -> namingSentences.add(sentence[a.start()])));
            namedIn = new java.util.HashMap<>();
            candidates.forEach(c -> c.anchors().forEach(a -> namedIn.computeIfAbsent(clause[a.start()], k -> new ArrayList<>()).add(c)));
            // (the clauses that name a feature the text has, not only words that deny one: 拿到当前经纬度)
            featureClauses = new java.util.HashSet<>();
            candidates.stream().filter(c -> c.entry().positive())
                    .forEach(c -> c.anchors().forEach(a -> featureClauses.add(clause[a.start()])));
        }

        /** The mention a candidate makes: what denies or restricts it, and whether it speaks of the location. */
        private Mention mention(Candidate c) {
            int at = clause[c.start()];
            int in = sentence[c.start()];
            Denial d = denial(c, at, in);
            Hit negation = d.cue();
            String denial = d.kind();
            Hit restriction = last(restrictions, h -> clause[h.start()] == at && h.end() <= c.start());
            // «仅用于判断您所在城市并展示本市的保养套餐»: what follows the city in the clause it restricts is what the
            // city-level location serves, a topic of it, not a use of its own. Only a limit said of where the user is:
            // a page or list named there («只用于“附近门店”页给客户规划去门店的路线») is where the use happens.
            if (negation == null && restriction != null && c.entry().scenario().kind() == Scenario.Kind.QUALIFYING) {
                Hit from = restriction;
                Candidate limit = candidates.stream().filter(o -> o.entry().scenario().kind() == Scenario.Kind.LIMITING
                        && o.entry().positive() && o.entry().located() && clause[o.start()] == at && o.start() >= from.end()
                        && o.end() <= c.start()).findFirst().orElse(null);
                if (limit != null) {
                    negation = new Hit(limit.start(), limit.end(), text.substring(limit.start(), limit.end()));
                    denial = "TOPIC";
                }
            }
            if (restriction == null) {
                // after it, or closing its own words («精度到市就够»)
                restriction = first(postRestrictions, h -> clause[h.start()] == at && h.start() > c.start() && h.end() >= c.end());
            }
            // «…要知道你在哪个城市，…，定位就用这一下»: a later clause of the sentence that names no feature and
            // speaks of the location only to restrict it restricts the limit before it; so does an earlier one
            // («定位净系用嚟睇下你喺广州定深圳,首页推送当地嘅优惠券»).
            // (not a limit whose own clause names a use: «位置用于线下大厅指引：推荐最近的便民服务中心并导航前往»)
            if (restriction == null && c.entry().scenario().kind() == Scenario.Kind.LIMITING
                    && !namesUse(candidates, clause, at)) {
                java.util.function.Predicate<Hit> onlyRestricts = h -> sentence[h.start()] == in
                        && !namingClauses.contains(clause[h.start()])
                        && first(locations, l -> clause[l.start()] == clause[h.start()]) != null;
                restriction = first(postRestrictions, h -> clause[h.start()] > at && onlyRestricts.test(h));
                if (restriction == null) {
                    restriction = last(restrictions, h -> clause[h.start()] < at && onlyRestricts.test(h));
                }
            }
            // «## 定位用途 / - 判断用户所在城市是否已开通»: the lines under a heading that names the location's purpose say
            // what it is for, as «定位仅用于：» does — a limit there is restricted, a feature there is a use of the location.
            Hit purpose = heading[in] < 0 ? null : first(purposeHeadings, h -> sentence[h.start()] == heading[in]);
            // (not a limit whose line also names a use: «1. 附近门店：显示距离，点进去可一键导航到店» lists the stores to go to)
            if (restriction == null && purpose != null && c.entry().scenario().kind() == Scenario.Kind.LIMITING
                    && !namesUse(candidates, sentence, in)) {
                restriction = purpose;
            }
            // «需要定位用户所在城市»: the city as the very object of the location word is what the location is for
            if (restriction == null && c.entry().located() && c.entry().positive()
                    && c.entry().scenario().kind() == Scenario.Kind.LIMITING) {
                restriction = last(locations, h -> clause[h.start()] == at && h.end() <= c.start()
                        && OBJECT_OF_LOCATION.matcher(text.substring(h.end(), c.start())).matches());
            }
            // its clause, and where a bracketed remark interrupts it, the clause that goes on after the remark
            // («骑行中（含锁屏/切后台）持续记录轨迹»)
            java.util.function.Predicate<Hit> inClause = h -> clause[h.start()] == at || clause[h.start()] == continued[at];
            // (a co-occurrence across the clauses of a sentence speaks of the location where any of its clauses does:
            // «司机接单后到服务结束，需要持续获取司机位置，……并按行驶轨迹算里程»)
            java.util.function.Predicate<Hit> inItsClauses = h -> inClause.test(h)
                    || c.anchors().stream().anyMatch(a -> clause[a.start()] == clause[h.start()]);
            // (a limit said in the clauses that follow the location got, in its sentence, is what the location is got for:
            // «我们想拿到下单人的定位，自动识别他住在几号楼，直接填进收货地址栏里»; so is a feature whose clause opens by saying
            // so: «获取用户当前位置，一方面用于确定骑手送餐的目的地»)
            boolean forIt = c.entry().scenario().kind() == Scenario.Kind.LIMITING
                    || first(purposeOpeners, p -> p.start() == pastSpace(text, clauseStart[at])) != null;
            boolean gotFor = forIt && first(locations, h -> sentence[h.start()] == in
                    && clause[h.start()] < at && at - clause[h.start()] <= PURPOSE_CLAUSES && !lexicon.isDestination(h.word())
                    && java.util.stream.IntStream.range(clause[h.start()], at).noneMatch(featureClauses::contains)) != null;
            boolean locationUse = c.entry().located() || purpose != null || gotFor || first(locations, inItsClauses) != null;
            boolean destinationOnly = locationUse && !c.entry().located() && purpose == null && !gotFor
                    && first(locations, h -> inItsClauses.test(h) && !lexicon.isDestination(h.word())) == null;
            // (or words that name what the business sells, wherever they stand: «车源», «洗车», «贴膜»)
            boolean business = c.entry().business() || first(businesses, h -> clause[h.start()] == at) != null;
            Hit topic = last(topicsBefore, h -> clause[h.start()] == at && h.end() <= c.start()
                    && c.start() - h.end() <= lexicon.topicReach());
            if (topic == null) {
                // not across the items of a list («扫码用车、月卡和次卡购买»: the card is another item, not what the ride is of)
                topic = first(topicsAfter, h -> clause[h.start()] == at && h.start() >= c.end()
                        && h.start() - c.end() <= lexicon.topicReach() && !listSeparated(text, c.end(), h.start()));
            }
            // Only a qualifying use can be a mere topic: a city next to a coupon is the marketing case itself.
            if (negation == null && topic != null && c.entry().scenario().kind() == Scenario.Kind.QUALIFYING) {
                negation = topic;
                denial = "TOPIC";
            }
            // «定位仅用于第5项»: the features of the list's other items do not use the location.
            if (negation == null && statedItem != null && item[at] > 0 && item[at] != statedNumber) {
                negation = statedItem;
                denial = "OTHERS";
            }
            // The policy's words quoted («规范二第5条“仅展示附近、周边门店信息”») are the policy's, not the mini-program's.
            // (an objection the writer imagines is quoted whatever it says: «您可能觉得酒店导航用不着实时定位» denies nothing)
            Hit quote = quoted[c.start()];
            boolean fallback = quote != null && refusals.contains(quote);
            boolean objected = quote != null && (fallback || objections.contains(quote));
            if (quote != null && (negation == null || objected)) {
                negation = quote;
                denial = fallback ? "FALLBACK" : "QUOTED";
            }
            // A hashtag (#跑腿#) labels a post; it states no use, nor denies one.
            if (negation == null && hashtag[c.start()] != null) {
                negation = hashtag[c.start()];
                denial = "HASHTAG";
            }
            // What the writer takes back («申请定位用于送餐……哦不对，我们只做店内点餐», «银行网点导航。准确地说，这个小程序是
            //给员工打卡的»): a correction later in the sentence, or opening the next one, withdraws what came before it.
            if (negation == null) {
                negation = correction(corrections, sentence, sentenceStart, c.end());
                denial = negation == null ? null : "CORRECTED";
            }
            boolean negated = negation != null;
            Lexicon.Entry entry = c.entry();
            // (where someone goes — 上门, 到店 — names a place, it does not speak of the location: «阿姨上门做饭、保洁»; nor
            // does the location refused or quoted: «即使用户拒绝授权定位，也完全不影响下单和上门»)
            boolean sentenceLocationUse = first(locations, h -> sentence[h.start()] == sentence[c.start()]
                    && !lexicon.isDestination(h.word()) && quoted[h.start()] == null) != null;
            // a withdrawn statement, or an imagined objection, shows nothing, not what its denial would
            Scenario effective = "CORRECTED".equals(denial) || objected ? null
                    : negated ? entry.whenNegated() : entry.positive() ? entry.scenario() : null;
            // «以上功能均无需精确定位» says which features do without it (LocationScoped), not that the location is
            // limited to the city: the precise location denied there limits nothing else.
            if (negated && !entry.positive() && scoped.stream().anyMatch(s -> clause[s.evidence().start()] == at)) {
                effective = null;
            }
            Hit cue = negated ? negation : restriction;
            int from = cue == null ? c.start() : Math.min(c.start(), cue.start());
            int to = cue == null ? c.end() : Math.max(c.end(), cue.end());
            Evidence evidence = new Evidence(reason.substring(from, to), from, to,
                    cue == null ? null : reason.substring(cue.start(), cue.end()));
            Mention mention = new Mention(entry.scenario(), effective, denial, restriction != null, locationUse,
                    destinationOnly, business, entry.weak(), sentenceLocationUse, at, sentence[c.start()], evidence);
            return mention;
        }

        /** What takes a candidate back besides a negation of its words: another app, a source, not yet, past, a question. */
        private Denial denial(Candidate c, int at, int in) {
            Hit negation = negated(c, at, in);
            String denial = negation == null ? null : "NEGATION";
            // Done elsewhere (公司App上) holds over the clause. Not yet (正在开发) holds over its clause; it reaches
            // forward over the rest of its sentence until a clause says what runs now («以后打算做上门保洁，客人下单，
            // 阿姨上门»); and when its clause names no feature of its own it is said of the sentence's («导航这块，我们
            // 排在下一期») — except a clause that says what runs now («暂时只是显示附近门店»). A bracketed remark
            // that names no feature is said of the item it follows («同城配送（在App中提供）»).
            java.util.function.Predicate<Hit> remarkOnIt = h -> inRemarkOn(h, at, layout)
                    && !namingClauses.contains(clause[h.start()]);
            java.util.function.Predicate<Hit> reachesForward = h -> sentence[h.start()] == in && clause[h.start()] < at
                    && first(now, n -> sentence[n.start()] == in && clause[n.start()] > clause[h.start()]
                        && clause[n.start()] <= at) == null;
            if (negation == null) {
                negation = first(postNegations, remarkOnIt);
                denial = negation == null ? null : "NEGATION";
            }
            // The value of a row, after its colon, naming no feature is said of the row's key («骑手位置：仅App端»).
            java.util.function.Predicate<Hit> valueOfIt = h -> clause[h.start()] == at + 1 && sentence[h.start()] == in
                    && text.charAt(clauseStart[at + 1] - 1) == ':' && !namingClauses.contains(at + 1);
            // Its own clauses: the clauses of its words (a role word in a bracketed remark: «附近门店（…，导航功能还在规划中）»),
            // and the clause that goes on after a remark («护理服务(…)的预约、派单全部在“安心护理”App里完成»).
            Set<Integer> own = new java.util.HashSet<>(List.of(at, continued[at]));
            c.anchors().forEach(a -> own.add(clause[a.start()]));
            // ... and the clause after one that ends by gathering what it lists («查找门店、导航到店这些功能，在合作方的小程序里提供»)
            // or that opens on what the user may want («如需预约或取号，页面引导客户前往手机银行App办理»)
            if (at + 1 < clauseStart.length && sentence[clauseStart[at + 1]] == in
                    && (first(gathering, g -> clause[g.start()] == at && g.end() == clauseStart[at + 1] - 1) != null
                        || first(ifNeeded, g -> g.start() == pastSpace(text, clauseStart[at])) != null)) {
                own.add(at + 1);
            }
            // ... and the clause before one that opens by listing what it speaks of («…主要在 native App 上 run，包括下单、派单»)
            if (at > 0 && sentence[clauseStart[at - 1]] == in
                    && first(enumerations, e -> e.start() == pastSpace(text, clauseStart[at])) != null) {
                own.add(at - 1);
            }
            // A later clause of the sentence that gathers what it follows and names no feature of its own («用户叫代驾、
            // 司机接单……，这些都在咱自个儿的APP里整»).
            java.util.function.Predicate<Hit> gathered = h -> sentence[h.start()] == in && clause[h.start()] > at
                    && !namingClauses.contains(clause[h.start()])
                    && first(allOfThem, g -> clause[g.start()] == clause[h.start()] && g.start() <= h.start()) != null;
            // ... and the key of a row whose value names it («我们的App面向老客户:有直营门店的地图和导航、…»)
            java.util.function.Predicate<Hit> keyOfIt = h -> at > 0 && clause[h.start()] == at - 1 && sentence[h.start()] == in
                    && text.charAt(clauseStart[at] - 1) == ':' && !namingClauses.contains(at - 1);
            // ... and a later sentence that speaks of everything above it («上面这些外卖下单和配送功能都是在我们自家的App里完成的»)
            // (or one that names no feature and says what the mini-program only does now: «自今年3月起本市已暂停投放，小程序目前只
            // 保留押金退还和历史订单查询»)
            java.util.function.Predicate<Hit> saidOfAbove = h -> sentence[h.start()] > in
                    && (first(above, b -> sentence[b.start()] == sentence[h.start()] && b.start() < h.start()) != null
                        || !namingSentences.contains(sentence[h.start()])
                            && first(onlyDoes, o -> sentence[o.start()] == sentence[h.start()] && o.start() > h.start()) != null);
            // ... and an earlier clause of the sentence that only sets the scene in it («在我们的移动应用程序(App)中,用户可以
            // 找到附近的车辆»)
            java.util.function.Predicate<Hit> sceneOfIt = h -> sentence[h.start()] == in && clause[h.start()] < at
                    && text.charAt(pastSpace(text, clauseStart[clause[h.start()]])) == '在'
                    && !namingClauses.contains(clause[h.start()]);
            // ... and a later clause of the sentence that names it again by its words, and nothing else («货主查看车辆位置的页面：
            // 车辆位置来自货车上装的北斗定位终端»)
            java.util.function.Predicate<Hit> restated = h -> sentence[h.start()] == in && clause[h.start()] > at
                    && namingClauses.contains(clause[h.start()])
                    && namedIn.get(clause[h.start()]).stream().allMatch(o -> sharesWord(c, o));
            if (negation == null) {
                negation = first(elsewhere, h -> own.contains(clause[h.start()]) || remarkOnIt.test(h) || valueOfIt.test(h)
                        || gathered.test(h) || keyOfIt.test(h) || saidOfAbove.test(h) || sceneOfIt.test(h) || restated.test(h));
                denial = negation == null ? null : "ELSEWHERE";
            }
            // Read by a device or another system and sent here («显示承运车辆的实时位置，数据来自车载GPS设备»): said of its
            // clause and of the features before it in its sentence, from a later clause naming none of its own or only them again.
            if (negation == null) {
                negation = first(sources, h -> sentence[h.start()] == in && (own.contains(clause[h.start()])
                        || clause[h.start()] > at && !namingClauses.contains(clause[h.start()])) || restated.test(h));
                denial = negation == null ? null : "ELSEWHERE";
            }
            if (negation == null) {
                // (a now said of some of its words only is not said of the feature: «目前有购票和景点介绍，电子导览还在开发»)
                // (or in the bracketed status on its clause: «· 自提点取货（已上线）» under a heading «版本计划：»)
                boolean saysNow = c.anchors().stream().allMatch(a -> first(now, h -> clause[h.start()] == clause[a.start()]
                        || inRemarkOn(h, clause[a.start()], layout)) != null);
                // ... and not over a clause that says what runs now («导航的话 现在是没有做的 以后可能会加»).
                java.util.function.Predicate<Hit> saidOfTheSentence = h -> sentence[h.start()] == in && !saysNow
                        && !namingClauses.contains(clause[h.start()]) && !remark[clause[h.start()]]
                        && first(now, n -> sentence[n.start()] == in
                            && clause[n.start()] > Math.min(at, clause[h.start()])
                            && clause[n.start()] < Math.max(at, clause[h.start()])) == null;
                // ... and a heading line ending in a colon is said of the bulleted lines under it («假设以后开通外卖：
                // · 需要用户精确位置给骑手»)
                // ... and a later sentence that speaks of everything above it («上述功能已于今年6月下线»), as for another app
                java.util.function.Predicate<Hit> saidOfIt = h -> own.contains(clause[h.start()]) || remarkOnIt.test(h)
                        || reachesForward.test(h) || saidOfTheSentence.test(h) || saidOfAbove.test(h)
                        || (!saysNow && heading[in] >= 0 && sentence[h.start()] == heading[in]);
                negation = first(notYet, saidOfIt);
                denial = negation == null ? null : "NOT_YET";
                // A feature taken down or moved away is no use today either, in the same reach («【移除】门店详情页的
                // 「导航」入口（已下线）»).
                if (negation == null) {
                    negation = first(ended, saidOfIt);
                    denial = negation == null ? null : "ENDED";
                }
                // The location applied for ahead of its feature («那先把接口申请下来», «for future use») makes every use the
                // text names one for later, unless its sentence says it runs now.
                if (negation == null && !ahead.isEmpty() && c.entry().scenario().kind() == Scenario.Kind.QUALIFYING
                        && first(now, h -> sentence[h.start()] == in) == null) {
                    negation = ahead.get(0);
                    denial = "NOT_YET";
                }
            }
            // A feature of the story of how it was done before (PAST_OPENER) is past, whatever that story says of it
            // («却出现师傅没上门就点完工»): that mention only, not the same feature done now.
            if (past[c.start()] != null && (negation == null || "NEGATION".equals(denial))) {
                negation = past[c.start()];
                denial = "PAST";
            }
            // The next sentence speaks of it as 该功能 and says it is not live («· 实时查看跑腿员位置 / a) 该功能还在开发中»), or is
            // in another app («其实这个实时位置功能只在我们的App里有»).
            Hit anaphor = negation != null ? null : first(anaphors, h -> sentence[h.start()] == in + 1
                    && h.start() - sentenceStart[in + 1] <= ANAPHOR_REACH);
            if (anaphor != null) {
                negation = first(notYet, h -> sentence[h.start()] == in + 1);
                denial = negation == null ? null : "NOT_YET";
                if (negation == null) {
                    negation = first(ended, h -> sentence[h.start()] == in + 1);
                    denial = negation == null ? null : "ENDED";
                }
                if (negation == null) {
                    negation = first(elsewhere, h -> sentence[h.start()] == in + 1);
                    denial = negation == null ? null : "ELSEWHERE";
                }
                if (negation == null) {
                    negation = first(negations, h -> clause[h.start()] == clause[anaphor.start()] && h.start() >= anaphor.end());
                    denial = negation == null ? null : "NEGATION";
                }
            }
            // A feature named in a yes-no question is asked about, not stated («问：有门店导航吗？答：没有。»); a
            // why-question presupposes it («考勤为什么要定位？»).
            Hit asked = negation != null ? null : first(c.anchors(), a -> question[clause[a.start()]] != null);
            if (asked != null) {
                negation = question[clause[asked.start()]];
                denial = "QUESTION";
            }
            // Any question whose answer, the next sentence, names the same use again: the answer decides
            // («你们说有网点导航？——对，网点导航是「网点服务」那个小程序做的。», «怎么叫代驾？——请下载我们的App»).
            int end = sentenceEnd(text, sentenceStart, in);
            if (negation == null && text.charAt(end) == '?' && !asserting.containsKey(in)) {
                int answer = nextSentence(text, sentence, end);
                if (candidates.stream().anyMatch(o -> sentence[o.start()] == answer
                        && o.entry().scenario().code().equals(c.entry().scenario().code()))) {
                    negation = new Hit(end, end + 1, "?");
                    denial = "QUESTION";
                }
            }
            return new Denial(negation, denial);
        }

        /** A negation of the candidate's words: in its clause, a row answered no, a verdict or a denial later in its sentence. */
        private Hit negated(Candidate c, int at, int in) {
            Hit negation = null;
            // A role word of the scenario denied in its own clause denies the scenario (不做导航).
            // «不点外送的顾客可以拒绝授权» describes some customers; it denies no feature
            boolean describesPeople = c.anchors().stream().anyMatch(a -> lexicon.namesPeople(text, a.end()));
            for (Hit anchor : c.anchors()) {
                int anchorClause = clause[anchor.start()];
                // inside a question a negation is part of what is asked («手机没网能开门吗？»): the question decides
                if (question[anchorClause] != null) {
                    continue;
                }
                negation = describesPeople ? null : last(negations, reaching(anchor.start(), clause));
                if (negation == null) {
                    negation = first(postNegations, reachedAfter(anchor.start(), anchor.end(), clause));
                }
                // A topic, then what is said of it («那个导航的话 我们现在是没有做的»): a negation opening the next
                // clause of the sentence denies the topic's feature.
                if (negation == null && topicClause[anchorClause]) {
                    negation = first(negations, h -> clause[h.start()] == anchorClause + 1 && sentence[h.start()] == in
                            && h.start() - clauseStart[anchorClause + 1] <= lexicon.negationReach());
                }
                // A row of a feature list answered no («门店导航: 否», «在线还款｜否｜—»).
                if (negation == null) {
                    negation = answeredNo[anchorClause];
                }
                // A later clause of the sentence that gathers what it follows, names no feature of its own and denies it
                // («网点预约、排队叫号和路线导航，小程序里都没有»).
                if (negation == null) {
                    negation = first(allOfThem, g -> sentence[g.start()] == in && clause[g.start()] > anchorClause
                            && !namingClauses.contains(clause[g.start()])
                            && first(negations, h -> clause[h.start()] == clause[g.start()] && (h.inside(g) || g.inside(h))) != null);
                }
                // ... or a short verdict clause later in the sentence, after clauses that name nothing, that ends on its
                // negation («景区内的导览我们用的是纸质地图和现场指示牌，小程序里没有做», «配送这一块，说实话，……我们目前并没有做»);
                // a sentence that says when (原本计划……后面没做) is read for its plan or end below
                if (negation == null && first(notYet, y -> sentence[y.start()] == in) == null
                        && first(ended, y -> sentence[y.start()] == in) == null) {
                    negation = first(verdicts, h -> sentence[h.start()] == in && clause[h.start()] > anchorClause
                            && clause[h.start()] - anchorClause <= VERDICT_REACH
                            && h.start() - clauseStart[clause[h.start()]] <= lexicon.negationReach()
                            && clauseEnd(text, clause, h) == h.end()
                            && java.util.stream.IntStream.rangeClosed(anchorClause + 1, clause[h.start()])
                                    .noneMatch(namingClauses::contains));
                }
                if (negation != null) {
                    break;
                }
            }
            // ... not where it is said of the rest («定位只用于天气卡片，其他功能都不用定位»)
            if (negation == null) {
                // (a feature its own clause says is planned is that, not denied: «外卖功能还在开发中，…定位暂时没有地方用»)
                // (nor across a clause naming another feature: «……配送员按这个坐标把餐送到游客身边，……酒店房间的订单则直接选房号不需要
                // 定位» says which orders need none)
                int last = c.anchors().stream().mapToInt(a -> clause[a.start()]).max().orElse(at);
                negation = first(noLocations, h -> sentence[h.start()] == in && h.start() >= c.end()
                        && first(allOthers, o -> clause[o.start()] == clause[h.start()]) == null
                        && first(notYet, y -> clause[y.start()] == at) == null
                        && java.util.stream.IntStream.range(last + 1, clause[h.start()]).noneMatch(namingClauses::contains));
            }
            return negation;
        }
    }

    /** What took a mention back, and how (NEGATION, ELSEWHERE, NOT_YET, …); both null when nothing did. */
    private record Denial(Hit cue, String kind) {
    }

    /**
     * The sentences that speak of the location for a purpose that is no scenario and name no scenario
     * (see UnreadPurpose); words that can only deny a scenario (经纬度 in 「不需要经纬度」) name none. A sentence that
     * adds something beside the main use («另外首页也有附近充电桩的资讯») gives no such purpose.
     */
    private static List<UnreadPurpose> unread(String reason, int[] sentence, List<Hit> locations, List<Hit> otherPurposes,
                                              List<Hit> vagueWords, List<Hit> also, List<Mention> mentions) {
        List<UnreadPurpose> unread = new ArrayList<>();
        int last = -1;
        for (Hit location : locations) {
            int in = sentence[location.start()];
            // (or too vague a purpose given the location in so many words: «申请定位接口，方便用户使用»)
            if (in == last || (first(otherPurposes, h -> sentence[h.start()] == in) == null
                        && first(vagueWords, h -> sentence[h.start()] == in) == null)
                    || first(also, h -> sentence[h.start()] == in) != null
                    || mentions.stream().anyMatch(m -> sentence[m.getEvidence().start()] == in
                        && (m.getEffective() != null || m.isNegated()))) {
                continue;
            }
            last = in;
            int from = location.start();
            int to = location.end();
            while (from > 0 && sentence[from - 1] == in) {
                from--;
            }
            while (to < reason.length() && sentence[to] == in) {
                to++;
            }
            unread.add(new UnreadPurpose(new Evidence(reason.substring(from, to), from, to, location.word())));
        }
        return unread;
    }

    /**
     * A feature stated as the mini-program's, named again in a later sentence by the same words and said there to be
     * planned («小程序会提供门店导航……。不过导航入口还在开发»), is planned: the later sentence says when; so is one named
     * again after a sentence that said it planned or ended, unless its own sentence says what runs now. Not where its own
     * clause says it runs now, nor across different words for the same scenario («共享单车……；共享电单车还在内测») or only
     * the same worker («骑手要把餐送到用户手上……以后可能想做骑手实时位置给用户看»: the rider of the live delivery is not the
     * planned feature) — except within the sentence of a mention so named, which it heads.
     */
    private static List<Mention> plannedLater(List<Mention> mentions, Map<Mention, Candidate> source, int[] sentence,
                                              int[] clause, List<Hit> now, Lexicon lexicon) {
        List<Mention> read = new ArrayList<>(mentions.size());
        Map<Integer, Mention> laterIn = new java.util.HashMap<>();
        for (Mention m : mentions) {
            // (and one said planned or ended first is so where a later sentence names it again as what the location is
            // for: «外勤打卡 状态：灰度……正式上线时间待定。……申请定位用于外勤打卡»)
            Mention later = standsAsRead(m, clause, now) ? null
                    : mentions.stream().filter(o -> ("NOT_YET".equals(o.getDenial())
                                && sentence[o.getEvidence().start()] > sentence[m.getEvidence().start()]
                            || ("NOT_YET".equals(o.getDenial()) || "ENDED".equals(o.getDenial()))
                                && sentence[o.getEvidence().start()] < sentence[m.getEvidence().start()]
                                && first(now, h -> sentence[h.start()] == sentence[m.getEvidence().start()]) == null)
                            && java.util.Objects.equals(o.getStatedCode(), m.getStatedCode())
                            && sharesFeatureWord(source.get(m), source.get(o), lexicon)).findFirst().orElse(null);
            read.add(later == null ? m : m.deniedAs(later));
            if (later != null) {
                laterIn.putIfAbsent(sentence[m.getEvidence().start()], later);
            }
        }
        // ... and so is the rest of the description it heads, in its sentence («景区智慧导览：游客定位后……推荐游览路线并导航到各
        // 景点。导览模块目前只在景区内部员工中测试»)
        for (int i = 0; i < read.size(); i++) {
            Mention m = read.get(i);
            Mention later = laterIn.get(sentence[m.getEvidence().start()]);
            if (later != null && !standsAsRead(m, clause, now) && java.util.Objects.equals(later.getStatedCode(), m.getStatedCode())) {
                read.set(i, m.deniedAs(later));
            }
        }
        return read;
    }

    /** Whether the mention stands as read: already denied, no stated qualifying use, or in a clause that says it runs now. */
    private static boolean standsAsRead(Mention m, int[] clause, List<Hit> now) {
        int start = m.getEvidence().start();
        return m.isNegated() || !m.isStatedQualifying() || first(now, h -> clause[h.start()] == clause[start]) != null;
    }

    /** Where the clause holding the hit ends (its break, or the end of the text). */
    private static int clauseEnd(String text, int[] clause, Hit h) {
        int end = h.end();
        while (end < text.length() && clause[end] == clause[h.start()]) {
            end++;
        }
        while (end > h.end() && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Whether the two name a feature by the same word (one anchor's word holds the other's: 导航 in 门店导航). */
    private static boolean sharesWord(Candidate a, Candidate b) {
        return a.anchors().stream().anyMatch(x -> b.anchors().stream().anyMatch(x::sameWord));
    }

    /**
     * {@link #sharesWord}, but not by a word for the people who work the service (cue list role) or for the position
     * itself (positionWords) alone.
     */
    private static boolean sharesFeatureWord(Candidate a, Candidate b, Lexicon lexicon) {
        return a.anchors().stream().anyMatch(x -> !lexicon.cueKinds(x.word()).contains(Lexicon.Cue.ROLE)
                && !lexicon.isPositionWord(x.word())
                && b.anchors().stream().anyMatch(x::sameWord));
    }

    /**
     * Whether a later sentence puts a worker this sentence names in another app («代驾司机……需要后台持续定位。不过司机用的是
     * 另外一个独立App»): the same role word, and another app in that word's clause.
     */
    private static boolean workerElsewhereLater(int in, List<Hit> roles, List<Hit> elsewhere, int[] sentence, int[] clause) {
        return roles.stream().anyMatch(r -> sentence[r.start()] == in && roles.stream().anyMatch(later ->
                sentence[later.start()] > in && later.sameWord(r)
                        && first(elsewhere, e -> clause[e.start()] == clause[later.start()]) != null));
    }

    /** A negation (or a limit) that reaches {@code at}: before it in its clause, within the negation's reach. */
    private java.util.function.Predicate<Hit> reaching(int at, int[] clause) {
        return h -> clause[h.start()] == clause[at] && h.end() <= at && at - h.end() <= lexicon.negationReach();
    }

    /** A negation that reaches the words {@code start}–{@code end} from after them: in their clause, within its reach. */
    private java.util.function.Predicate<Hit> reachedAfter(int start, int end, int[] clause) {
        return h -> clause[h.start()] == clause[start] && h.start() >= end && h.start() - end <= lexicon.postNegationReach();
    }

    /** The correction that takes back what ends at {@code end}: later in its sentence, or opening the next one. */
    private static Hit correction(List<Hit> corrections, int[] sentence, int[] sentenceStart, int end) {
        int in = sentence[Math.max(0, end - 1)];
        return first(corrections, h -> h.start() >= end && (sentence[h.start()] == in
                || sentence[h.start()] == in + 1 && h.start() - sentenceStart[in + 1] <= CORRECTION_OPENS));
    }

    /** The gate signals of the text; one cancels another of its clause as cues.yaml says. */
    private List<Signal> signals(String reason, Lexicon.Found words, Layout layout, Map<Lexicon.Cue, List<Hit>> cues,
                                 Hit[] quoted, Hit[] past, Hit[] question) {
        int[] sentence = layout.sentence();
        int[] clause = layout.clause();
        int[] clauseStart = layout.clauseStart();
        int[] heading = layout.heading();
        List<Hit> negations = cues.get(Lexicon.Cue.NEGATION);
        List<Hit> postNegations = cues.get(Lexicon.Cue.POST_NEGATION);
        List<Hit> notYet = cues.get(Lexicon.Cue.NOT_YET);
        List<Hit> ended = cues.get(Lexicon.Cue.ENDED);
        List<Hit> corrections = cues.get(Lexicon.Cue.CORRECTION);
        List<Hit> roles = cues.get(Lexicon.Cue.ROLE);
        List<Hit> notCues = cues.get(Lexicon.Cue.NOT_CUE);
        List<Hit> sources = cues.get(Lexicon.Cue.SOURCE);
        List<Hit> oneFix = cues.get(Lexicon.Cue.ONE_FIX);
        List<Hit> restrictions = cues.get(Lexicon.Cue.RESTRICTION);
        // a track a device or another system reads («骑行轨迹……全部由车身上的GPS中控上报») is not watched here either
        List<Hit> elsewhere = Stream.concat(cues.get(Lexicon.Cue.ELSEWHERE).stream(), sources.stream()).toList();
        // ... nor, after the sentence that first says a device reads the position («校车上装了车载定位终端，位置每10秒回传»),
        // what later sentences say moves: its record. Not a source itself denied or limited («手表只通过蓝牙同步心率»), nor
        // one of the story of how it was done before («车队以前用车载终端上报GPS，终端……已全部拆除。现在司机用本小程序…»).
        int sourceSaid = sources.stream()
                .filter(h -> Stream.concat(negations.stream(), restrictions.stream()).noneMatch(reaching(h.start(), clause))
                        && past[h.start()] == null)
                .mapToInt(h -> sentence[h.start()]).min().orElse(Integer.MAX_VALUE);
        List<Signal> found = new ArrayList<>();
        for (Emit emit : sorted(words.signals())) {
            int from = emit.getStart();
            int to = emit.getEnd() + 1;
            // no signal counts inside a longer word that means something else either (导航软件 in «像导航软件一样»)
            if (notCues.stream().anyMatch(n -> n.start() <= from && to <= n.end() && to - from < n.end() - n.start())) {
                continue;
            }
            // A deniable signal (a watched track) is taken back by a negation before it, or another app, a plan or an
            // end in its clause («司机实时位置和行程回放的研发排期在三季度»).
            java.util.function.Predicate<Hit> inItsClause = h -> clause[h.start()] == clause[from];
            // ... or by the clause after it, opening on a negation («阿姨在路上走到哪儿，小程序里是不显示的»)
            int next = clause[from] + 1;
            // (not where that clause speaks of another app: «……师傅在路上的实时位置，公众号那边已经不接单了», nor of a single fix
            // that cannot do it: «需要持续接收位置变化，单次定位无法做到»)
            // (nor a negation that goes on with 也 from a stop said before it: «切到后台就结束，也不会在后台采集位置»)
            boolean deniedNext = next < clauseStart.length && sentence[clauseStart[next]] == sentence[from]
                    && (first(negations, h -> clause[h.start()] == next
                            && h.start() - clauseStart[next] <= lexicon.negationReach() && !goesOnWithAlso(reason, h)
                            && first(oneFix, f -> clause[f.start()] == next && f.end() <= h.start()) == null) != null
                        && first(elsewhere, h -> clause[h.start()] == next) == null
                        // ... or saying where the position comes from («想知道搬家车到哪了，车辆位置是车上装的GPS定位器传到后台的»)
                        || first(sources, h -> clause[h.start()] == next) != null);
            // ... or by a later sentence that puts the worker it follows in another app; or inside an imagined objection
            // ... or by the bracketed remark on its clause («显示司机实时位置（测试中，尚未对外开放）»)
            java.util.function.Predicate<Hit> remarkOnIt = h -> inRemarkOn(h, clause[from], layout);
            boolean denied = deniedNext || first(notYet, remarkOnIt) != null || first(ended, remarkOnIt) != null
                    || workerElsewhereLater(sentence[from], roles, elsewhere, sentence, clause) || quoted[from] != null
                    // ... or in the story of how it was done before
                    || past[from] != null
                    // ... or under a heading that says its lines are not live («v3.2.0（待上线）»)
                    || heading[sentence[from]] >= 0 && first(notYet, h -> sentence[h.start()] == heading[sentence[from]]) != null
                    // ... or asked about and not answered yes («会持续定位吗？不会»)
                    || question[clause[from]] != null
                    || first(elsewhere, inItsClause) != null || first(notYet, inItsClause) != null
                    // ... or by a device said, in an earlier sentence, to read the position
                    || sentence[from] > sourceSaid
                    || first(ended, inItsClause) != null || correction(corrections, sentence, layout.sentenceStart(), to) != null
                    // ... or by a plan said earlier in its sentence («计划明年推出“轨迹回放”，游客锁屏后也能记录游览轨迹»)
                    || first(notYet, h -> sentence[h.start()] == sentence[from] && clause[h.start()] < clause[from]) != null
                    || first(negations, reaching(from, clause)) != null
                    // ... or after it in its clause («骑行过程中不需要位置», «切后台或锁屏的情况我们并没有做任何处理»)
                    || first(postNegations, reachedAfter(from, to, clause)) != null;
            lexicon.signalKinds(emit.getKeyword()).stream().filter(kind -> !denied || !lexicon.deniable(kind))
                    .forEach(kind -> found.add(
                            new Signal(kind, sentence[from], new Evidence(reason.substring(from, to), from, to, null))));
        }
        // in its clause: «司机切到地图App导航时仍需在后台继续定位» cancels no track its sentence states in another clause
        List<Signal> kept = found.stream().filter(s -> found.stream().noneMatch(other -> (clause[other.getStart()] == clause[s.getStart()]
                && Math.max(other.getStart(), s.getStart()) - Math.min(other.getEvidence().end(), s.getEvidence().end()) <= CANCEL_REACH
                && lexicon.cancelling(s.getKind()).contains(other.getKind()))
                || (other.getSentence() == s.getSentence() && lexicon.cancellingInSentence(s.getKind()).contains(other.getKind()))))
                .toList();
        // one that counts only after another needs the nearest such one before it, in its clause or the one before,
        // to stand («离开小程序或锁屏，定位都会暂停»; not «锁屏放在臂包里……，停止跑步即结束定位», nor a leaving supposed:
        // «切到导航App或锁屏，如果小程序一进后台就停止定位»)
        return kept.stream().filter(s -> lexicon.after(s.getKind()).isEmpty() || found.stream()
                .filter(other -> lexicon.after(s.getKind()).contains(other.getKind()) && other.getStart() < s.getStart()
                        && clause[s.getStart()] - clause[other.getStart()] <= 1 && other.getSentence() == s.getSentence())
                .reduce((first, second) -> second).filter(kept::contains).isPresent())
                .toList();
    }

    /** Phrase and co-occurrence matches whose entries hold for these categories; the longest wins an overlap. */
    private List<Candidate> candidates(Lexicon.Found found, int[] clause, int[] sentence, List<Set<String>> categories,
                                       List<Hit> notFeatures, Hit[] quoted, List<Hit> negations) {
        // no word counts inside a word that means something else (导航 in 底部导航栏)
        java.util.function.Predicate<Hit> otherSense = h -> notFeatures.stream()
                .anyMatch(f -> h.start() < f.end() && f.start() < h.end());
        List<Hit> words = new ArrayList<>();
        for (Emit e : sorted(found.groupWords())) {
            words.add(new Hit(e.getStart(), e.getEnd() + 1, e.getKeyword()));
        }
        words.removeIf(otherSense);
        List<Candidate> all = new ArrayList<>();
        for (Emit emit : found.phrases()) {
            for (Lexicon.Entry entry : lexicon.entriesFor(emit.getKeyword())) {
                Hit hit = new Hit(emit.getStart(), emit.getEnd() + 1, emit.getKeyword());
                if (entry.appliesTo(categories) && !otherSense.test(hit)) {
                    all.add(new Candidate(entry, hit.start(), hit.end(), List.of(hit)));
                }
            }
        }
        List<List<Hit>> wordsByClause = partition(words, clause);
        List<List<Hit>> wordsBySentence = partition(words, sentence);
        Set<Lexicon.Entry> possible = new java.util.TreeSet<>(Comparator.comparingInt(Lexicon.Entry::order));
        words.forEach(w -> possible.addAll(lexicon.togetherEntriesStartingWith(w.word())));
        for (Lexicon.Entry entry : possible) {
            if (entry.appliesTo(categories)) {
                together(entry, entry.sentenceWide() ? wordsBySentence : wordsByClause, quoted, all);
            }
        }
        // (a word that rules out, itself denied, rules nothing out: «不是快递发货……我们的团购是送货上门»)
        List<Hit> ruling = words.stream().filter(w -> first(negations, reaching(w.start(), clause)) == null).toList();
        all.removeIf(c -> withRuledOut(c.entry(), c.anchors().get(0), ruling, sentence));
        // Phrases of different scenarios compete for the same words (扫码开锁 is not 开锁): the longer reading
        // wins. A phrase and a co-occurrence of the same scenario are one mention: the wider span wins — unless
        // they read differently when denied (骑手位置 denied is the takeaway-address case, 送餐 denied is none).
        all.sort(Comparator.comparingInt(Candidate::length).reversed().thenComparingInt(Candidate::start)
                .thenComparing(c -> c.entry().together()).thenComparingInt(c -> c.entry().order()));
        // A phrase inside a longer word of another reading is that word's (保洁 in 附近可约的保洁员名单 is the list's).
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : all) {
            boolean beaten = kept.stream().anyMatch(k -> k.overlaps(c)
                    && ((k.entry().scenario() == c.entry().scenario() && k.entry().whenNegated() == c.entry().whenNegated())
                        || (!c.entry().together() && !k.entry().together() && k.length() > c.length())
                        || (!c.entry().together() && k.anchors().stream().anyMatch(a -> a.start() <= c.start() && c.end() <= a.end()
                            && a.end() - a.start() > c.length()))));
            if (!beaten) {
                kept.add(c);
            }
        }
        kept.removeIf(c -> c.entry().scenario().kind() == Scenario.Kind.QUALIFYING
                && kept.stream().anyMatch(k -> k.entry().scenario().kind() == Scenario.Kind.LIMITING && qualifies(c, k, words)));
        kept.sort(Comparator.comparingInt(Candidate::start).thenComparing(c -> c.entry().scenario().code()));
        return kept;
    }

    /**
     * A use's words that only qualify a limit's words name the limit (送餐 in 送餐地址, 上门取衣 in 作为上门取衣地址, 位置 in
     * 当前位置作为上门地址: the address, not a delivery, a visit or the runner's position) — but not the limit's head,
     * its last word, which names the same thing (门店 in 最近的门店 is still the store navigated to).
     */
    private static boolean qualifies(Candidate use, Candidate limit, List<Hit> words) {
        if (limit.entry().together() && limit.start() <= use.start() && use.end() < limit.end()) {
            return true;
        }
        return use.entry().together() && use.anchors().stream().anyMatch(a -> Stream.concat(limit.anchors().stream(),
                        words.stream().filter(w -> w.start() < limit.end() && limit.start() < w.end()
                                && limit.entry().groups().stream().anyMatch(g -> g.contains(w.word()))))
                .anyMatch(w -> a.inside(w) && a.end() < w.end()
                        && use.entry().groups().stream().noneMatch(g -> g.contains(w.word()))));
    }

    /**
     * One word of each group in the same clause (or sentence): a mention spanning them, once per part. Where a
     * role has several words in the part, the tightest span wins (「超市小程序，…导航到最近的门店」 is the 门店).
     */
    private static void together(Lexicon.Entry entry, List<List<Hit>> wordsByPart, Hit[] quoted, List<Candidate> out) {
        Set<String> firstGroup = entry.groups().get(0);
        for (List<Hit> words : wordsByPart) {
            List<Hit> best = null;
            for (Hit head : words) {
                if (!firstGroup.contains(head.word())) {
                    continue;
                }
                List<Hit> anchors = new ArrayList<>(List.of(head));
                for (Set<String> group : entry.groups().subList(1, entry.groups().size())) {
                    Hit nearest = null;
                    for (Hit h : words) {
                        // not across a quote's edge: the reviewer's words quoted and the answer to them are apart
                        // («之前审核说没看到需要实时轨迹的场景，现补充说明：代驾司机接单后……»)
                        if (group.contains(h.word()) && quoted[h.start()] == quoted[head.start()] && (nearest == null
                                || Math.abs(h.start() - head.start()) < Math.abs(nearest.start() - head.start()))) {
                            nearest = h;
                        }
                    }
                    if (nearest == null) {
                        anchors = null;
                        break;
                    }
                    anchors.add(nearest);
                }
                if (anchors != null && (best == null || span(anchors) < span(best))) {
                    best = anchors;
                }
            }
            if (best != null) {
                out.add(new Candidate(entry, best.stream().mapToInt(Hit::start).min().orElseThrow(),
                        best.stream().mapToInt(Hit::end).max().orElseThrow(), best));
            }
        }
    }

    private static int span(List<Hit> anchors) {
        return anchors.stream().mapToInt(Hit::end).max().orElseThrow()
                - anchors.stream().mapToInt(Hit::start).min().orElseThrow();
    }

    /** Who moves rules a reading out: a parcel courier in the sentence makes 送到用户手上 shipping. */
    private static boolean withRuledOut(Lexicon.Entry entry, Hit at, List<Hit> words, int[] sentence) {
        return !entry.notWith().isEmpty() && first(words, h -> sentence[h.start()] == sentence[at.start()]
                && entry.notWith().contains(h.word())) != null;
    }

    /** The words of each clause (or sentence), by its number. */
    private static List<List<Hit>> partition(List<Hit> words, int[] part) {
        List<List<Hit>> parts = new ArrayList<>();
        for (Hit w : words) {
            int at = part[w.start()];
            while (parts.size() <= at) {
                parts.add(new ArrayList<>());
            }
            parts.get(at).add(w);
        }
        return parts;
    }

    /** Per clause, whether it stands inside brackets (a remark on what precedes it). */
    private static boolean[] remarks(String text, int[] clause) {
        boolean[] remark = new boolean[text.isEmpty() ? 0 : clause[text.length() - 1] + 1];
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            if (i == 0 || clause[i] != clause[i - 1]) {
                remark[clause[i]] = depth > 0;
            }
            char c = text.charAt(i);
            depth = c == '(' ? depth + 1 : c == ')' ? Math.max(0, depth - 1) : depth;
        }
        return remark;
    }

    /** Where the answer to a question ending at {@code end} starts, past white space and a speaker's label (-1: none). */
    private static int answerStart(String text, int end) {
        int i = pastSpace(text, end + 1);
        for (int j = i; j < text.length() && j - i <= SPEAKER_LABEL; j++) {
            if (text.charAt(j) == ':') {
                return j + 1 < text.length() ? j + 1 : -1;
            }
        }
        return i < text.length() ? i : -1;
    }

    /** The sentence after the one ending at {@code end} that holds more than white space (-1: none). */
    private static int nextSentence(String text, int[] sentence, int end) {
        int i = pastSpace(text, end + 1);
        return i < text.length() ? sentence[i] : -1;
    }

    /** The first offset from {@code from} on that is not white space (the text's length: none). */
    private static int pastSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The text scoped from a cue to the end of its sentence (no restriction of its own: not exclusive). */
    private static LocationScoped toSentenceEnd(String reason, String text, int[] sentenceStart, int in, Hit cue,
                                                boolean exclusive) {
        int to = sentenceEnd(text, sentenceStart, in) + 1;
        return new LocationScoped(new Evidence(reason.substring(cue.start(), to), cue.start(), to, cue.word()), exclusive);
    }

    /** The offset of the sentence's last character. */
    private static int sentenceEnd(String text, int[] sentenceStart, int in) {
        return (in + 1 < sentenceStart.length ? sentenceStart[in + 1] : text.length()) - 1;
    }

    /** Whether the hit stands in a bracketed remark bound to clause {@code on} of its sentence («门店导航（已上线）»). */
    private static boolean inRemarkOn(Hit h, int on, Layout layout) {
        return layout.remark()[layout.clause()[h.start()]] && layout.sentence()[h.start()] == layout.sentence()[layout.clauseStart()[on]]
                && itemBefore(layout.remark(), layout.clause()[h.start()]) == on;
    }

    /** The item a remark is said of: the nearest clause before it that is no remark itself (-1: none). */
    private static int itemBefore(boolean[] remark, int at) {
        for (int c = at - 1; c >= 0; c--) {
            if (!remark[c]) {
                return c;
            }
        }
        return -1;
    }

    /** Whether a qualifying use is named in this clause or sentence (`part` numbers them, `at` is the one asked about). */
    private static boolean namesUse(List<Candidate> candidates, int[] part, int at) {
        return candidates.stream().anyMatch(o -> o.entry().scenario().kind() == Scenario.Kind.QUALIFYING
                && o.anchors().stream().anyMatch(a -> part[a.start()] == at));
    }

    /**
     * The sentences that end on a question asked only to assert, each with the clause its rhetorical word opens: a
     * rhetorical word in them (难道, 谁不), or 怎么 after a negation of its clause («不持续定位怎么导？»).
     */
    private static Map<Integer, Integer> assertingQuestions(String text, int[] clause, int[] sentence, int[] sentenceStart,
                                                           List<Hit> rhetorical, List<Hit> negations) {
        Map<Integer, Integer> asserting = new HashMap<>();
        for (Hit r : rhetorical) {
            int in = sentence[r.start()];
            boolean afterNegation = first(negations, n -> clause[n.start()] == clause[r.start()] && n.end() <= r.start()) != null;
            if (text.charAt(sentenceEnd(text, sentenceStart, in)) == '?' && (!r.word().equals("怎么") || afterNegation)) {
                asserting.merge(in, clause[r.start()], Math::min);
            }
        }
        return asserting;
    }

    /** One of two negations of a clause that opens on «none» (没有哪一单……不, 没有一次……不会): together they affirm. */
    private static boolean affirmedTwice(String text, Hit n, List<Hit> negations, List<Hit> postNegations, int[] clause) {
        java.util.function.Predicate<Hit> opensOnNone = h -> h.word().startsWith("没") && h.end() < text.length()
                && "哪一".indexOf(text.charAt(h.end())) >= 0;
        java.util.function.Predicate<Hit> laterInClause = o -> clause[o.start()] == clause[n.start()] && o.start() >= n.end();
        return opensOnNone.test(n) && (first(negations, laterInClause) != null || first(postNegations, laterInClause) != null)
                || first(negations, o -> opensOnNone.test(o) && clause[o.start()] == clause[n.start()] && o.end() <= n.start()) != null;
    }

    /**
     * Per character, the past opener whose story it is in: from an opener within {@link #PAST_OPENS} characters of its
     * sentence's start (or after a colon) to that sentence's end or the clause of the first now said in it, where a now
     * follows later in the text. A draft's «原：……改：……» is such a story.
     */
    private static Hit[] pastSpans(String text, int[] clause, int[] clauseStart, int[] sentence, int[] sentenceStart,
                                   List<Hit> openers, List<Hit> ends) {
        Hit[] past = new Hit[text.length()];
        for (Hit opener : openers) {
            int in = sentence[opener.start()];
            // (or after a colon: «申请原因（修订）：原：……»)
            boolean opens = opener.start() - sentenceStart[in] <= PAST_OPENS || text.charAt(opener.start() - 1) == ':';
            if (!opens || first(ends, e -> e.start() > opener.end() + 1) == null) {
                continue;
            }
            // (the change the story tells is past too: «后来改成用户选点»)
            // (to the clause that says the now: «以前在自家App里派单，今年司机全部改用小程序接单»)
            Hit end = first(ends, e -> e.start() > opener.end() + 1 && sentence[e.start()] == in);
            int to = end != null ? Math.max(opener.end(), clauseStart[clause[end.start()]]) : sentenceEnd(text, sentenceStart, in) + 1;
            for (int i = opener.start(); i < to; i++) {
                past[i] = opener;
            }
        }
        return past;
    }

    /** 送不送得到, 去不去, 到没到: the same character on both sides of 不 or 没 asks, it does not deny. */
    private static boolean isANotA(String text, Hit negation) {
        return (negation.word().equals("不") || negation.word().equals("没")) && negation.start() > 0 && negation.end() < text.length()
                && text.charAt(negation.start() - 1) == text.charAt(negation.end());
    }

    /** The number a list item is called by at this offset (5 in «第5项», 三 in «第三条»), or 0. */
    private static int itemNumber(String text, int at) {
        int end = at;
        while (end < text.length() && Character.isDigit(text.charAt(end)) && end - at < 2) {
            end++;
        }
        int n = end > at ? Integer.parseInt(text.substring(at, end)) : 0;
        if (end == at && at < text.length() && CHINESE_NUMERALS.indexOf(text.charAt(at)) >= 0) {
            n = CHINESE_NUMERALS.indexOf(text.charAt(at)) + 1;
            end = at + 1;
        }
        return n > 0 && end < text.length() && "项条点个".indexOf(text.charAt(end)) >= 0 ? n : 0;
    }

    /**
     * Per clause, the number of the list item it is part of (0: none): an item starts at a clause that opens with
     * a number and '.', '、' or ')' («1.家政保洁预约», «2、洗衣») and runs to the next one within its sentence.
     */
    private static int[] items(String text, int[] sentence, int[] clauseStart) {
        int[] item = new int[clauseStart.length];
        for (int k = 0; k < clauseStart.length; k++) {
            int i = clauseStart[k];
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int n = 0;
            int from = i;
            while (i < text.length() && Character.isDigit(text.charAt(i)) && i - from < 2) {
                n = n * 10 + (text.charAt(i) - '0');
                i++;
            }
            boolean opens = i > from && i < text.length() && ".、)".indexOf(text.charAt(i)) >= 0;
            item[k] = opens ? n : k > 0 && sentence[clauseStart[k]] == sentence[clauseStart[k - 1]] ? item[k - 1] : 0;
        }
        return item;
    }

    /**
     * Per clause, the clause that goes on after a bracketed remark right behind it, in its sentence («骑行中（含锁屏）
     * 持续记录轨迹»: the remark's clauses read apart, what follows the bracket goes on with the clause before it); -1: none.
     */
    private static int[] continuations(String text, int[] sentence, int[] clauseStart, boolean[] remark) {
        int[] continued = new int[clauseStart.length];
        java.util.Arrays.fill(continued, -1);
        for (int k = 0; k + 1 < clauseStart.length; k++) {
            if (remark[k] || !remark[k + 1] || text.charAt(clauseStart[k + 1] - 1) != '(') {
                continue;
            }
            int j = k + 1;
            while (j < clauseStart.length && remark[j]) {
                j++;
            }
            if (j < clauseStart.length && text.charAt(clauseStart[j] - 1) == ')'
                    && sentence[clauseStart[j]] == sentence[clauseStart[k]]) {
                continued[k] = j;
            }
        }
        return continued;
    }

    /** Where each clause starts. */
    private static int[] starts(int[] clause) {
        int[] start = new int[clause.length == 0 ? 0 : clause[clause.length - 1] + 1];
        for (int i = clause.length - 1; i >= 0; i--) {
            start[clause[i]] = i;
        }
        return start;
    }

    /**
     * The clauses that end on a topic marker (…的话, …这块), particles and spaces aside, or open on a topic opener (至于…)
     * at their start or after a dash («附上距离与营业时间——至于怎么走»).
     */
    private boolean[] topics(String text, int[] clause, int[] clauseStart, List<Hit> markers, List<Hit> openers) {
        boolean[] topic = new boolean[clause.length == 0 ? 0 : clause[clause.length - 1] + 1];
        for (Hit opener : openers) {
            topic[clause[opener.start()]] |= clauseStart[clause[opener.start()]] == opener.start()
                    || "—-–".indexOf(text.charAt(opener.start() - 1)) >= 0;
        }
        for (Hit marker : markers) {
            int i = marker.end();
            while (i < text.length() && clause[i] == clause[marker.start()] && PARTICLES.indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            topic[clause[marker.start()]] |= i == text.length() || clause[i] != clause[marker.start()]
                    || lexicon.isClauseBreak(text.charAt(i));
        }
        return topic;
    }

    /**
     * Per clause, the no that answers it when it is a row label of a feature list: it ends on ':', '|', ',' or a
     * tab (a table or CSV row) and the next clause holds only a no (cues.yaml noAnswer).
     */
    private Hit[] answeredNo(String text, int[] clause, int[] clauseStart) {
        Hit[] answer = new Hit[clauseStart.length];
        for (int k = 0; k + 1 < clauseStart.length; k++) {
            char closing = text.charAt(clauseStart[k + 1] - 1);
            if (closing != ':' && closing != '|' && closing != ',' && closing != '\t') {
                continue;
            }
            int from = clauseStart[k + 1];
            int to = k + 2 < clauseStart.length ? clauseStart[k + 2] : text.length();
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && (Character.isWhitespace(text.charAt(to - 1)) || lexicon.isClauseBreak(text.charAt(to - 1)))) {
                to--;
            }
            if (to > from && lexicon.isNoAnswer(text.substring(from, to))) {
                answer[k] = new Hit(from, to, text.substring(from, to));
            } else if (to > from && CROSSES.indexOf(text.charAt(from)) >= 0) {
                // a cell that opens with a cross, then says more («| 上门开锁 | ✗ 如果以后开通… |»)
                answer[k] = new Hit(from, from + 1, text.substring(from, from + 1));
            }
        }
        return answer;
    }

    /**
     * An objection the writer imagines («您可能觉得酒店导航用不着实时定位», «有人会问…») is quoted, not stated: from the cue to
     * the contrast that answers it in its sentence («…，但我们的导览是点一下标出一次位置»), the colon before the answer
     * («有人会问为什么不拍照就行：巡更需要……»), or the sentence's end.
     */
    private static void objections(String text, Hit[] quoted, int[] sentence, List<Hit> objections, List<Hit> contrasts) {
        for (Hit objection : objections) {
            Hit answer = first(contrasts, h -> sentence[h.start()] == sentence[objection.start()] && h.start() >= objection.end());
            int end = objection.end();
            while (end < quoted.length && sentence[end] == sentence[objection.start()] && text.charAt(end) != ':'
                    && (answer == null || end < answer.start())) {
                end++;
            }
            quote(quoted, objection, end);
        }
    }

    /**
     * What the mini-program does when the user refuses the location («车主不让定位的，就让他在地图上手动拖点……但行程中看不到车辆
     * 位置») is its fallback, not its use: from the refusal to the sentence's end, what is said or denied there shows nothing.
     */
    private static void fallbacks(Hit[] quoted, int[] sentence, List<Hit> refusals) {
        for (Hit refusal : refusals) {
            int end = refusal.start();
            while (end < quoted.length && sentence[end] == sentence[refusal.start()]) {
                end++;
            }
            quote(quoted, refusal, end);
        }
    }

    /** Marks the characters from the cue to {@code end} as quoted by it, where nothing quotes them yet. */
    private static void quote(Hit[] quoted, Hit by, int end) {
        for (int i = by.start(); i < end; i++) {
            if (quoted[i] == null) {
                quoted[i] = by;
            }
        }
    }

    /** What may stand between a location word and the place it finds: the person whose place it is. */
    private static final java.util.regex.Pattern OBJECT_OF_LOCATION = java.util.regex.Pattern.compile("(用户|您|你|他|她|其|顾客|客户)?的?");

    /** A policy reference that ends in it is the reviewer's request: it reaches to the end of its clause. */
    private static final String REQUEST = "要求";

    /**
     * Per character, the policy reference whose quotation it is in: a quotation opening right after one, or, unquoted,
     * the stretch from it to what the policy permits in its sentence where the applicant does not speak in it.
     */
    private static Hit[] policyQuotes(String text, int[] sentence, int[] clause, List<Hit> references, List<Hit> permits,
                                      List<Hit> ownVoice) {
        Hit[] quoted = new Hit[text.length()];
        for (Hit reference : references) {
            int open = reference.end();
            while (open < text.length() && open - reference.end() < QUOTE_REACH && OPENING_QUOTES.indexOf(text.charAt(open)) < 0) {
                open++;
            }
            if (open < text.length() && OPENING_QUOTES.indexOf(text.charAt(open)) >= 0) {
                char closing = CLOSING_QUOTES.charAt(OPENING_QUOTES.indexOf(text.charAt(open)));
                int close = text.indexOf(closing, open + 1);
                if (close > open) {
                    java.util.Arrays.fill(quoted, open, close + 1, reference);
                }
                continue;
            }
            Hit permit = first(permits, p -> sentence[p.start()] == sentence[reference.start()] && p.start() >= reference.end());
            if (permit != null && first(ownVoice, v -> v.start() >= reference.end() && v.end() <= permit.start()) == null) {
                java.util.Arrays.fill(quoted, reference.end(), permit.end(), reference);
            } else if (reference.word().endsWith(REQUEST)) {
                // what the reviewer asked for, to the end of its clause («审核人员要求说明网点导航场景，»), is the reviewer's
                int end = reference.end();
                while (end < text.length() && clause[end] == clause[reference.start()]) {
                    end++;
                }
                java.util.Arrays.fill(quoted, reference.end(), end, reference);
            }
        }
        return quoted;
    }

    /**
     * Per sentence, the heading line it is listed under (-1: none): a line that ends in a colon heads the bulleted
     * lines (·, -, •, >, 1., 答：) that follow it, up to the first line that is not one; a markdown heading (## …) heads
     * every line up to the next heading.
     */
    private static int[] headings(String text, int[] sentence) {
        int[] heading = new int[text.isEmpty() ? 0 : sentence[text.length() - 1] + 1];
        java.util.Arrays.fill(heading, -1);
        int current = -1;
        boolean section = false;
        for (int start = 0; start < text.length(); ) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            int lead = Math.min(pastSpace(text, start), end);
            String line = text.substring(lead, end).strip();
            if (!line.isEmpty()) {
                // a Markdown heading, or a release's version line over its notes («v3.3.0（待上线）», «v4.1.0 发布说明»)
                boolean headingLine = line.charAt(0) == '#' || VERSION_LINE.matcher(line).matches();
                if (headingLine) {
                    current = sentence[lead];
                    section = true;
                } else if (current >= 0 && (section || isBullet(line))) {
                    for (int i = start; i < end; i++) {
                        heading[sentence[i]] = current;
                    }
                } else {
                    current = -1;
                    section = false;
                }
                if (!headingLine && line.charAt(line.length() - 1) == ':') {
                    // the sentence that ends in the colon: a numbered line («2. 定位用途：») starts with an item of its own
                    int colon = end - 1;
                    while (Character.isWhitespace(text.charAt(colon))) {
                        colon--;
                    }
                    current = sentence[colon];
                    section = false;
                }
            }
            start = end + 1;
        }
        return heading;
    }

    /** An enumeration comma (、) stands between the two offsets: they are in different items of a list. */
    private static boolean listSeparated(String text, int from, int to) {
        int comma = text.indexOf('、', from);
        return comma >= 0 && comma < to;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isBullet(String line) {
        char c = line.charAt(0);
        // an answer under a question line («3. 申请wx.getLocation用于： / 答：识别用户所在城市») is listed under it too
        return BULLETS.indexOf(c) >= 0 || (Character.isDigit(c) && line.length() > 1 && ".、)".indexOf(line.charAt(1)) >= 0)
                || line.startsWith("答");
    }

    /** A line that opens with a label of tags («关键词：代驾、租车») is one hashtag to its end. */
    private void tagLines(String text, Hit[] tag) {
        for (String label : lexicon.tagLines()) {
            for (int i = text.indexOf(label); i >= 0; i = text.indexOf(label, i + 1)) {
                int after = i + label.length();
                boolean lineStart = i == 0 || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '【';
                if (!lineStart || after >= text.length() || text.charAt(after) != ':') {
                    continue;
                }
                int end = text.indexOf('\n', after);
                end = end < 0 ? text.length() : end;
                java.util.Arrays.fill(tag, i, end, new Hit(i, end, text.substring(i, end)));
            }
        }
    }

    /** Per character, the hashtag (#…#, within a sentence and at most HASHTAG characters) it is in. */
    private static Hit[] hashtags(String text, int[] sentence) {
        Hit[] tag = new Hit[text.length()];
        for (int i = text.indexOf('#'); i >= 0; ) {
            int close = text.indexOf('#', i + 1);
            if (close < 0) {
                break;
            }
            if (close - i <= HASHTAG && sentence[close] == sentence[i]) {
                Hit hit = new Hit(i, close + 1, text.substring(i, close + 1));
                java.util.Arrays.fill(tag, i, close + 1, hit);
                i = text.indexOf('#', close + 1);
            } else {
                i = close;
            }
        }
        return tag;
    }

    /**
     * Per clause, the question that asks about its features: from the yes-no word (吗, 是否, 有没有) to the question
     * mark, or the clause a question answered no in the next sentence ends («一键导航？暂时还没有哦»), or a clause
     * that asks whether to do it, even without a question mark («要不要加导航按钮»; cues.yaml undecided). A negative
     * question (不好吗, 不是…吗) asserts, and a question answered yes («是否需要显示附近单车？是。») states. A topic
     * the question opens with («跑腿的话，…吧？») is asked about too.
     */
    private Hit[] questions(String text, int[] clause, int[] clauseStart, int[] sentence, List<Hit> yesNo,
                            List<Hit> undecided, List<Hit> negations, List<Hit> noAnswers, boolean[] topicClause,
                            List<Hit> askPermission) {
        Hit[] question = new Hit[text.isEmpty() ? 0 : clause[text.length() - 1] + 1];
        for (Hit cue : undecided) {
            question[clause[cue.start()]] = cue;
        }
        for (int i = 0; i < text.length(); i++) {
            int in = sentence[i];
            int end = i;
            if (text.charAt(i) != '?') {
                continue;
            }
            int next = i + 1;
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            // a question asking the reviewer whether the use is allowed states the use («能不能用定位帮他们找到最近的团点？»)
            if (lexicon.answersYes(text, next) || first(askPermission, h -> sentence[h.start()] == in) != null) {
                continue;
            }
            Hit asked = first(yesNo, h -> sentence[h.start()] == in && h.start() < end
                    && first(negations, n -> clause[n.start()] == clause[h.start()] && n.end() <= h.start()
                        && h.start() - n.end() <= RHETORICAL_REACH) == null);
            // the answer: the next sentence that says anything, after its speaker's label («\n商家A：那倒没有»)
            int answerStart = answerStart(text, end);
            Hit answer = answerStart < 0 ? null : first(noAnswers, h -> sentence[h.start()] == sentence[answerStart]
                    && h.start() >= answerStart && h.start() - answerStart <= ANSWER_REACH);
            int from = asked != null ? clause[asked.start()] : answer != null ? clause[i] : -1;
            // a topic asked about («跑腿的话，下单时要定位取件点吧？») is in the question
            while (from > 0 && sentence[clauseStart[from - 1]] == in && topicClause[from - 1]) {
                from--;
            }
            for (int k = Math.max(from, 0); from >= 0 && k <= clause[i]; k++) {
                question[k] = new Hit(i, i + 1, "?");
            }
        }
        return question;
    }

    /**
     * The clause (or sentence) number of every character; a break belongs to the part it closes. Chat and
     * dictated text punctuate with emoji and with spaces between Chinese words («送到你手上🛵 📍获取你当前位置»,
     * «显示当地的天气预报 还有那个空气质量»): both end a clause too.
     */
    private int[] breaks(String text, boolean clauses) {
        int[] part = new int[text.length()];
        int k = 0;
        boolean blank = true;
        int from = 0;
        // a text dictated without one sentence mark pauses with spaces: a pause before a word that opens a statement
        // (嗯, 还有, 以后) ends the sentence
        boolean dictated = !clauses && text.chars().noneMatch(ch -> lexicon.isSentenceBreak((char) ch));
        // a bracketed aside that opens a sentence is a sentence of its own («（申请原因改自另一个项目，接驾部分已删除）本小程序
        // 为自驾租车……»): what it says ends at its bracket (the text is folded: （ is ()
        boolean asideOpens = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            asideOpens |= !clauses && blank && c == '(';
            if (dictated && i > 0 && isSpaceBetweenHan(text, i - 1) && lexicon.opensSpokenSentence(text, i)) {
                k++;
            }
            // a check mark opens the item it marks («✔ 在线挂号 ✘ 院内导航»), unless its clause holds nothing yet
            // (a table's cell «| 到店导航 | ✗ |»); in a text run on without punctuation, a word that turns to the next
            // statement opens a clause («以前都要在取号机上排队现在可以在小程序上提前取号»)
            if (clauses && !blank && (CHECK_MARKS.indexOf(c) >= 0
                    || (i - from >= RUN_ON && lexicon.opensSoftBreak(text, i) && !inWord(text, i)))) {
                k++;
                from = i;
            }
            part[i] = k;
            blank &= Character.isWhitespace(c);
            if (CHECK_MARKS.indexOf(c) >= 0) {
                continue;
            }
            boolean sentenceEnd = lexicon.isSentenceBreak(c) || isEnglishFullStop(text, i) || opensNumberedItem(text, i)
                    || opensFaqLabel(text, i) || asideOpens && c == ')';
            if (clauses ? sentenceEnd || lexicon.isClauseBreak(c) || isEmoji(text, i) || isSpaceBetweenHan(text, i) : sentenceEnd) {
                k++;
                blank = true;
                from = i + 1;
                asideOpens = false;
            }
        }
        return part;
    }

    /**
     * A sentence run on with commas for a long stretch (一逗到底: «……线上问诊功能还在筹备暂未开放，这次申请定位是因为……，所以签到时
     * 需要……») is several statements: a clause that opens on a word that turns to the next one (spokenOpeners: 所以, 另外,
     * 现在, 这次) ends the sentence before it, as a pause does in a dictated text — so what one statement plans, quotes or
     * denies is not said of the next.
     */
    private int[] runOnSentences(String text, int[] sentence) {
        int[] out = new int[sentence.length];
        int k = 0;
        int from = 0;
        boolean runOn = false;
        for (int i = 0; i < text.length(); i++) {
            if (i == 0 || sentence[i] != sentence[i - 1]) {
                k += i == 0 ? 0 : 1;
                from = i;
                int end = i;
                while (end < sentence.length && sentence[end] == sentence[i]) {
                    end++;
                }
                runOn = end - i >= RUN_ON_SENTENCE;
            } else if (runOn && lexicon.isClauseBreak(text.charAt(i - 1)) && i - from >= RUN_ON
                    && lexicon.opensSpokenSentence(text, i)) {
                k++;
                from = i;
            }
            out[i] = k;
        }
        return out;
    }

    /**
     * Whether the stretch says "after" a point in time (送达后, 订单完成之后): a 后 that is not the background's (后台, 前后台)
     * nor the future's (以后).
     */
    private static boolean afterAPoint(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '后' && (i + 1 >= text.length() || text.charAt(i + 1) != '台')
                    && (i == 0 || text.charAt(i - 1) != '以')) {
                return true;
            }
        }
        return false;
    }

    /** A soft break's word inside a longer one (体现在, 不但) turns nothing. */
    private static boolean inWord(String text, int i) {
        return i > 0 && "体表不".indexOf(text.charAt(i - 1)) >= 0;
    }

    /**
     * A numbered item written on one line ends the statement before it («首页按城市显示活动 2.外送下单时获取用户位置»): a
     * space, then a number and its mark, then words (not 2.5 万平).
     */
    private static boolean opensNumberedItem(String text, int i) {
        return Character.isWhitespace(text.charAt(i)) && i + 3 < text.length() && Character.isDigit(text.charAt(i + 1))
                && ".、)）".indexOf(text.charAt(i + 2)) >= 0
                && Character.UnicodeScript.of(text.codePointAt(i + 3)) == Character.UnicodeScript.HAN;
    }

    /**
     * A question or answer label of a FAQ run on in one line ends the statement before it («……一路提示路线～Q：要一直开着
     * 定位吗？»): Q:, A:, 问:, 答: after anything but a letter or digit (the text is folded: ：is :).
     */
    private static boolean opensFaqLabel(String text, int i) {
        char before = text.charAt(i);
        return i + 2 < text.length() && "qa问答".indexOf(text.charAt(i + 1)) >= 0 && text.charAt(i + 2) == ':'
                && !(before < 128 && Character.isLetterOrDigit(before));
    }

    /** A negation that goes on from the clause before rather than turning on it: 也不, 也没有 (也 in it or just before it). */
    private static boolean goesOnWithAlso(String text, Hit negation) {
        return negation.word().startsWith("也") || negation.start() > 0 && text.charAt(negation.start() - 1) == '也';
    }

    /** An English sentence ends at a full stop and a space (not at 2.3.1 or 3.5 km). */
    private static boolean isEnglishFullStop(String text, int i) {
        return text.charAt(i) == '.' && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1));
    }

    /** A symbol (✅, ☎) or an emoji of the supplementary planes (🛵, 📍); not a rare character there (𠮷). */
    private static boolean isEmoji(String text, int i) {
        char c = text.charAt(i);
        if (!Character.isSurrogate(c)) {
            return Character.getType(c) == Character.OTHER_SYMBOL;
        }
        int codePoint = Character.isHighSurrogate(c) ? text.codePointAt(i) : i > 0 ? text.codePointAt(i - 1) : c;
        return Character.getType(codePoint) == Character.OTHER_SYMBOL;
    }

    private static boolean isSpaceBetweenHan(String text, int i) {
        return Character.isWhitespace(text.charAt(i)) && i > 0 && i + 1 < text.length() && isHan(text.charAt(i - 1))
                && isHan(text.charAt(i + 1));
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** The names a lexicon entry may give a category by: "一级" and "一级-二级". */
    private static Set<String> names(AppCategory category) {
        return category.getLevel2() == null ? Set.of(category.getLevel1())
                : Set.of(category.getLevel1(), category.getLevel1() + "-" + category.getLevel2());
    }

    private static List<Emit> sorted(Collection<Emit> emits) {
        return emits.stream().sorted(Comparator.comparingInt(Emit::getStart).thenComparingInt(Emit::getEnd)).toList();
    }

    /** Whether the hit lies inside a longer one of the words. */
    private static boolean insideLonger(Hit h, List<Hit> words) {
        for (int i = 0; i < words.size(); i++) {
            Hit w = words.get(i);
            if (h.inside(w) && h.end() - h.start() < w.end() - w.start()) {
                return true;
            }
        }
        return false;
    }

    // (first and last walk by index: called for every hit with a predicate the JIT cannot inline, an iterator each
    // time was a few per cent of a reading's allocation)
    private static Hit first(List<Hit> hits, java.util.function.Predicate<Hit> test) {
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            if (test.test(h)) {
                return h;
            }
        }
        return null;
    }

    private static Hit last(List<Hit> hits, java.util.function.Predicate<Hit> test) {
        for (int i = hits.size() - 1; i >= 0; i--) {
            Hit h = hits.get(i);
            if (test.test(h)) {
                return h;
            }
        }
        return null;
    }

    /**
     * The first few mentions that read alike (same scenario, same denial and flags), in text order: a text that
     * repeats one sentence says nothing more by its tenth copy, and the rules join mentions with scenarios and
     * findings, so unbounded copies would cost time that grows with the cube of their number.
     */
    static List<Mention> bounded(List<Mention> mentions) {
        Map<List<Object>, Integer> seen = new HashMap<>();
        List<Mention> kept = new ArrayList<>();
        for (Mention m : mentions) {
            List<Object> kind = Arrays.asList(m.getStatedCode(), m.getCode(), m.getDenial(), m.isRestricted(),
                    m.isLocationUse(), m.isBusiness(), m.isWeak(), m.isSentenceLocationUse());
            if (seen.merge(kind, 1, Integer::sum) <= ALIKE_MENTIONS) {
                kept.add(m);
            }
        }
        return kept;
    }
}
