package dev.locreview.reading;

import dev.locreview.policy.Evidence;
import dev.locreview.policy.Scenario;

/**
 * One place where the reason text speaks of a usage scenario, with how it speaks of it.
 * A rule-session fact: the reading rules (rules/00-reading.drl) decide which mentions
 * become scenarios of the application.
 */
public final class Mention {

    private final Scenario stated;
    private final Scenario effective;
    /** The kinds of denial a mention can carry (what DRL compares `denial` with); none is a scenario code. */
    public static final java.util.Set<String> DENIALS = java.util.Set.of("NEGATION", "TOPIC", "OTHERS", "QUOTED", "HASHTAG",
            "QUESTION", "ELSEWHERE", "NOT_YET", "ENDED", "PAST", "CORRECTED", "FALLBACK");

    private final String denial;
    private final boolean restricted;
    private final boolean locationUse;
    private final boolean business;
    private final boolean weak;
    private final boolean sentenceLocationUse;
    private final boolean destinationOnly;
    private final int clause;
    private final int sentence;
    private final Evidence evidence;

    /**
     * @param stated      the scenario the words name
     * @param effective   what the mention shows: the stated scenario, or when denied the one the lexicon says
     *                    the denial shows (may be null: a denied feature that shows nothing)
     * @param denial      what denies it, or null: NEGATION (a negation cue in the clause of one of its words),
     *                    ELSEWHERE (its clause puts it in another app), NOT_YET (its sentence says it is planned or
     *                    not live), ENDED (taken down or moved away: 已下线), TOPIC (it is only a topic: 代驾优惠券),
     *                    HASHTAG (a post's label: #跑腿#), QUOTED (the policy's words, or an objection the writer imagines, quoted), OTHERS
     *                    (another item than the one the text says uses the location: «定位仅用于第5项»), QUESTION
     *                    (its sentence asks about it: 有门店导航吗？), CORRECTED (the writer takes it back: 哦不对、准确地说), FALLBACK
     *                    (what the mini-program does when the user refuses the location: 用户拒绝授权时……), PAST (told in
     *                    the story of how it was done before what is done now: 最早……现在的做法……; it denies only itself)
     * @param restricted  a restriction cue (仅/只/即可) limits the location's use to it
     * @param locationUse its clause speaks of using the location (定位, 位置, 导航, 附近 …)
     * @param business    its clause says what the business is (我们是…, 公司运营…)
     * @param weak        the words only suggest the use (附近的维修点 suggests navigating there)
     * @param sentenceLocationUse its sentence (or list item) speaks of using the location
     * @param destinationOnly its clause speaks of the location only as where someone goes (配送到家, 上门)
     * @param clause      the number of its clause in the text
     * @param sentence    the number of its sentence in the text
     */
    public Mention(Scenario stated, Scenario effective, String denial, boolean restricted, boolean locationUse,
                   boolean destinationOnly, boolean business, boolean weak, boolean sentenceLocationUse, int clause, int sentence, Evidence evidence) {
        this.stated = stated;
        this.effective = effective;
        this.denial = denial;
        this.restricted = restricted;
        this.locationUse = locationUse;
        this.business = business;
        this.weak = weak;
        this.sentenceLocationUse = sentenceLocationUse;
        this.destinationOnly = destinationOnly;
        this.clause = clause;
        this.sentence = sentence;
        this.evidence = evidence;
    }

    /**
     * The same words denied as the other mention is, by its cue (a plan said of them in a later sentence): what the
     * denial shows is what the other's shows.
     */
    Mention deniedAs(Mention other) {
        return new Mention(stated, other.effective, other.denial, restricted, locationUse, destinationOnly, business, weak,
                sentenceLocationUse, clause, sentence, new Evidence(evidence.text(), evidence.start(), evidence.end(), other.evidence.cue()));
    }

    public String getStatedCode() { return stated == null ? null : stated.code(); }
    public Scenario getEffective() { return effective; }
    public String getCode() { return effective == null ? null : effective.code(); }
    public boolean isNegated() { return denial != null; }
    public String getDenial() { return denial; }
    public boolean isRestricted() { return restricted; }
    public boolean isLocationUse() { return locationUse; }
    public boolean isBusiness() { return business; }
    public boolean isWeak() { return weak; }
    public boolean isSentenceLocationUse() { return sentenceLocationUse; }
    public boolean isDestinationOnly() { return destinationOnly; }
    public int getClause() { return clause; }
    public int getSentence() { return sentence; }
    public Evidence getEvidence() { return evidence; }

    /** The words name a use the policy accepts, whatever the text then says of it. */
    public boolean isStatedQualifying() {
        return stated != null && stated.kind() == Scenario.Kind.QUALIFYING;
    }

    public boolean isQualifying() {
        return effective != null && effective.kind() == Scenario.Kind.QUALIFYING;
    }

    public boolean isLimiting() {
        return effective != null && effective.kind() == Scenario.Kind.LIMITING;
    }

    /** Said later in the text than the other mention. */
    public boolean isAfter(Mention other) {
        return evidence.start() > other.evidence.start();
    }

    /** Its words hold the other's and more: a feature read across the clause that gives the location another use. */
    public boolean spans(Mention other) {
        return evidence.start() <= other.evidence.start() && evidence.end() >= other.evidence.end()
                && evidence.end() - evidence.start() > other.evidence.end() - other.evidence.start();
    }

    /** The text limits the location to a use that needs no precise fix, in so many words (仅/只, or a denial). */
    public boolean isExplicitLimit() {
        return isLimiting() && (restricted || denial != null);
    }

    /** The text gives, as what the location is for, a use that needs no precise fix. */
    public boolean isStatedLimit() {
        return isExplicitLimit() || (isLimiting() && locationUse);
    }

    @Override
    public String toString() {
        return (denial == null ? "" : "¬" + denial + " ") + getStatedCode()
                + (effective == null || effective == stated ? "" : "→" + getCode()) + "@" + evidence.start()
                + "「" + evidence.text() + "」" + (evidence.cue() == null ? "" : " cue「" + evidence.cue() + "」")
                + (restricted ? " restricted" : "") + (locationUse ? " location" : "");
    }
}
