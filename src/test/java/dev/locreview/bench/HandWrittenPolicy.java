package dev.locreview.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.locreview.engine.Intake;
import dev.locreview.engine.ReviewRequest;
import dev.locreview.policy.ApiFamily;
import dev.locreview.policy.AppCategory;
import dev.locreview.policy.AppScenario;
import dev.locreview.policy.Application;
import dev.locreview.policy.Grant;
import dev.locreview.policy.PolicyData;
import dev.locreview.reading.LocationScoped;
import dev.locreview.reading.Mention;
import dev.locreview.reading.ReasonReader;

/**
 * The limit the engine is measured against: the same policy as rules/*.drl, written by hand as plain
 * Java if-chains over the same data and the same reader. Benchmark sources only; HandWrittenPolicyTest
 * checks it decides the whole casebook exactly as the engine does.
 */
public final class HandWrittenPolicy {

    private static final List<String> LIGHT = List.of("wx.getFuzzyLocation", "wx.chooseLocation", "wx.choosePoi");
    /** Denials of a feature that keep its mention elsewhere from counting as a named feature (TXT2). */
    private static final java.util.Set<String> DENIED_EVERYWHERE = java.util.Set.of("NEGATION", "TOPIC", "ELSEWHERE", "ENDED");

    public record Outcome(String decision, String clause, List<String> recommendedApis) {
    }

    /** outside: the applied-for API's table decides (RT) and does not open the pair's category. */
    private record Pair(Grant grant, AppCategory category, AppScenario scenario, boolean outside) {
    }

    private final PolicyData data;
    private final ReasonReader reader;

    public HandWrittenPolicy(PolicyData data, ReasonReader reader) {
        this.data = data;
        this.reader = reader;
    }

    public Outcome decide(ReviewRequest request) {
        Intake intake = new Intake(data);
        Application app = intake.application(request);
        List<AppScenario> scenarios = new ArrayList<>(intake.declaredScenarios(request.scenarios()));
        ReasonReader.Reading reading = reader.read(request.reason(), app.getCategories());
        List<Mention> mentions = reading.mentions();
        boolean scoped = !reading.scoped().isEmpty();
        boolean exclusive = reading.scoped().stream().anyMatch(LocationScoped::isExclusive);
        boolean unread = !reading.unread().isEmpty();
        boolean tracked = reading.signals().stream().anyMatch(g -> g.getKind().equals("TRACK"));
        for (Mention m : mentions) {
            boolean tableWordsOnly = reading.signals().stream()
                    .anyMatch(g -> g.getKind().equals("TABLEWORDS") && g.covers(m.getEvidence()));
            if (!tableWordsOnly && counts(m, mentions, !reading.vague().isEmpty(), scoped, exclusive, unread, tracked)) {
                scenarios.add(new AppScenario(m.getEffective(), AppScenario.Source.REASON_TEXT, m.getEvidence()));
            }
        }
        if (app.getFamily() == ApiFamily.LIGHT) {
            // a location-related use shown (a scenario, a place or address picked, a stated use), and not denied outright
            Set<String> kinds = reading.signals().stream().map(g -> g.getKind()).collect(java.util.stream.Collectors.toSet());
            Set<String> codes = scenarios.stream().map(AppScenario::getCode).collect(java.util.stream.Collectors.toSet());
            boolean used = (!codes.isEmpty() || kinds.contains("PICKS")
                    || mentions.stream().anyMatch(m -> m.isLocationUse() && !m.isNegated()))
                    && !kinds.contains("NOTHING_SHOWN")
                    && !(kinds.contains("PROFILE") && Set.of("CITY_LEVEL_ONLY", "SHIPPING_ADDRESS").containsAll(codes)
                        && !kinds.contains("SHOWS") && !kinds.contains("PICKS"))
                    && !(kinds.contains("NO_GOODS") && codes.equals(Set.of("SHIPPING_ADDRESS")));
            return used ? new Outcome("APPROVE", "LIGHT", List.of()) : new Outcome("REJECT", "LIGHT-NONE", List.of());
        }
        List<Pair> pairs = new ArrayList<>();
        for (Grant g : data.grants()) {
            for (AppCategory c : app.getCategories()) {
                if (!g.covers(c)) {
                    continue;
                }
                boolean outside = app.isTableDecides() && data.table(app.getApi()).map(t -> !t.covers(c)).orElse(false);
                for (AppScenario s : scenarios) {
                    if (g.carries(s.getCode())) {
                        pairs.add(new Pair(g, c, s, outside));
                    }
                }
            }
        }
        String approval = null;
        boolean mapApp = reading.signals().stream().anyMatch(g -> g.getKind().equals("MAPAPP"));
        boolean oneEnough = reading.signals().stream().anyMatch(g -> g.getKind().equals("ONE_ENOUGH"));
        // background updates for offers or for gathering whereabouts (RB)
        boolean pushesOrGathers = app.isBackground() && reading.signals().stream()
                .anyMatch(g -> g.getKind().equals("PUSH") || g.getKind().equals("OFFER") || g.getKind().equals("PROFILE"));
        boolean stopsOnLeaving = app.isBackground() && reading.signals().stream().anyMatch(g -> (g.getKind().equals("FOREGROUND") || g.getKind().equals("FOREGROUND_ENOUGH") || g.getKind().equals("STOPS")));
        boolean customersOnly = reading.signals().stream().anyMatch(g -> g.getKind().equals("CUSTOMERS") || g.getKind().equals("OWN_TRACK"))
                && reading.signals().stream().noneMatch(g -> g.getKind().equals("STAFF"));
        boolean staffNamed = reading.signals().stream().anyMatch(g -> g.getKind().equals("STAFF") || g.getKind().equals("STAFF_MOVES"));
        for (Pair p : pairs) {
            Grant g = p.grant();
            boolean sameFamily = g.getFamily() == app.getFamily();
            // (a navigation handed to a map app shows no track in the mini-program: GRANT)
            // (where someone comes to the user, the user's own track is none of theirs)
            boolean shownTracked = reading.signals().stream().anyMatch(t -> t.getKind().equals("TRACK")
                    && !(p.scenario().isComesToUser() && reading.signals().stream().anyMatch(o -> o.getKind().equals("OWN_TRACK")
                        && o.covers(t.getEvidence()))))
                    && !(mapApp && p.scenario().isNavigation() && p.scenario().getSource() == AppScenario.Source.REASON_TEXT)
                    && !(p.scenario().isOneFix() && p.scenario().getSource() == AppScenario.Source.REASON_TEXT)
                    && !(oneEnough && !p.scenario().isComesToUser());
            if (p.outside() || pushesOrGathers || stopsOnLeaving || (app.getFamily() == ApiFamily.CONTINUOUS && !shownTracked
                    && (p.scenario().getSource() != AppScenario.Source.DECLARED || !g.isReferenceCase()))
                    || (sameFamily && !g.appliesTo(app.getApi()))
                    || scenarios.stream().anyMatch(s -> g.isUndoneBy(s.getCode()))
                    || ((customersOnly || (p.scenario().isComesToUser() && !staffNamed))
                        && data.table(app.getApi()).map(t -> t.staffOnlyFor(p.category())).orElse(false))) {
                continue;
            }
            // GL8: a continuous reference case, where wx.getLocation's table opens the category
            boolean gl8 = !sameFamily && app.getFamily() == ApiFamily.PRECISE_ONCE && g.isReferenceCase()
                    && data.table(app.getApi()).map(t -> t.covers(p.category())).orElse(true);
            String clause = sameFamily ? g.getClause() : gl8 ? "GL8" : null;
            if (clause != null && (approval == null || clause.compareTo(approval) < 0)) {
                approval = clause;
            }
        }
        if (approval != null) {
            return new Outcome("APPROVE", approval, List.of());
        }
        return reject(app, scenarios, pairs, pushesOrGathers, stopsOnLeaving);
    }

    /**
     * The text speaks of the location only for qualifying features it plans, denies or puts elsewhere: no live mention
     * that uses the location is left (a feature named only by where someone goes uses none), and no live position said
     * over time («地图上实时显示自己走到哪»).
     */
    private static boolean locationOnlyForDeniedUses(List<Mention> all, boolean tracked) {
        return !tracked && all.stream().anyMatch(o -> o.isNegated() && !"FALLBACK".equals(o.getDenial())
                && !"PAST".equals(o.getDenial()) && o.isLocationUse()
                && o.isStatedQualifying())
                && all.stream().noneMatch(o -> !o.isNegated() && o.isLocationUse() && !o.isDestinationOnly());
    }

    /** The only use the text states for the location is the user's city (the query locationOnlyForTheCity). */
    private static boolean locationOnlyForTheCity(List<Mention> all) {
        return all.stream().anyMatch(o -> "CITY_LEVEL_ONLY".equals(o.getCode()) && o.isStatedLimit() && o.isLocationUse()
                && !o.isNegated() && !o.isWeak()
                && all.stream().noneMatch(q -> q.isQualifying() && !q.isNegated() && q.getSentence() == o.getSentence()))
                && all.stream().noneMatch(o -> o.isLocationUse() && !o.isNegated() && !o.isDestinationOnly()
                        && !"CITY_LEVEL_ONLY".equals(o.getCode()));
    }

    /** The reading rules TXT1, TXT2 and TXT5. */
    private static boolean counts(Mention m, List<Mention> all, boolean vague, boolean scoped, boolean exclusive,
                                  boolean unread, boolean tracked) {
        if (m.getEffective() == null) {
            return false;
        }
        // R2's takeaway shows no courier: beside the courier's position followed live an unrestricted address is only that
        if ("TAKEAWAY_ADDRESS_ONLY".equals(m.getCode()) && !m.isRestricted() && tracked && all.stream().anyMatch(o ->
                "MEAL_DELIVERY".equals(o.getCode()) && o.isLocationUse() && !o.isNegated() && !o.isWeak())) {
            return false;
        }
        if (m.isLocationUse() && !m.isWeak()) {
            // a feature named only by where it goes yields as TXT1 says
            boolean yieldsAsNamed = m.isDestinationOnly() && ((m.isQualifying() && all.stream().anyMatch(o ->
                    o.isExplicitLimit() && "CITY_LEVEL_ONLY".equals(o.getCode())))
                    || all.stream().anyMatch(o -> ("ELSEWHERE".equals(o.getDenial()) || "ENDED".equals(o.getDenial()))
                        && o.getStatedCode().equals(m.getStatedCode()))
                    || all.stream().anyMatch(o -> "SHIPPING_ADDRESS".equals(o.getCode()) && o.isLocationUse() && !o.isNegated())
                    || m.isBusiness() && all.stream().anyMatch(o -> o.isStatedLimit() && !o.isNegated())
                    || scoped
                    || unread
                    || locationOnlyForDeniedUses(all, tracked)
                    || locationOnlyForTheCity(all));
            // a use of a feature said later to have ended, or put in another app or said not live by a text that
            // scopes itself
            boolean pastOrElsewhere = all.stream().anyMatch(o -> o.getStatedCode().equals(m.getStatedCode())
                    && (("ENDED".equals(o.getDenial()) && o.isAfter(m))
                        || (("ELSEWHERE".equals(o.getDenial()) || "NOT_YET".equals(o.getDenial())) && scoped)));
            // read across the clause that gives the location a use needing no precise fix
            boolean spansALimit = m.isQualifying() && all.stream().anyMatch(o -> o.isStatedLimit() && !o.isNegated()
                    && !o.isWeak() && !"NEARBY_STORE_DISPLAY".equals(o.getCode()) && m.spans(o))
                    || m.isBusiness() && all.stream().anyMatch(o -> o.isStatedLimit() && !o.isNegated() && (o.spans(m)
                        || ("NEARBY_STORE_DISPLAY".equals(o.getCode()) || "CITY_LEVEL_ONLY".equals(o.getCode()))
                            && o != m && o.getClause() == m.getClause()
                            && all.stream().noneMatch(n -> n.getClause() == m.getClause() && !n.isNegated()
                                && n.getCode() != null && n.getCode().endsWith("NAVIGATION"))));
            return !yieldsAsNamed && !pastOrElsewhere && !spansALimit
                    && !(exclusive && m.isQualifying() && all.stream().anyMatch(l -> limitStated(l, all)));
        }
        if (m.isLimiting()) {
            if (m.isWeak() && (!m.isSentenceLocationUse() || all.stream().anyMatch(o ->
                    ("NEGATION".equals(o.getDenial()) && o.getStatedCode().equals(m.getStatedCode()))
                    || (o.isExplicitLimit() && !o.getStatedCode().equals(m.getStatedCode()))))) {
                return false;
            }
            return (!scoped && !unread) || m.isLocationUse();
        }
        if (!m.isQualifying()) {
            return false;
        }
        if ((!m.isLocationUse() || m.isWeak()) && (!m.isBusiness() || m.isLocationUse())) {
            return (!scoped || m.isSentenceLocationUse()) && (!unread || m.isSentenceLocationUse())
                    && all.stream().noneMatch(l -> limitStated(l, all))
                    && all.stream().noneMatch(o -> o.getDenial() != null && (DENIED_EVERYWHERE.contains(o.getDenial())
                                || (m.isWeak() && "NOT_YET".equals(o.getDenial())))
                            && o.getStatedCode().equals(m.getStatedCode()))
                    && !(m.isWeak() && m.getEffective().navigation() && all.stream().anyMatch(o ->
                            "NEARBY_STORE_DISPLAY".equals(o.getCode()) && o.isStatedLimit() && !o.isNegated()))
                    && all.stream().noneMatch(o -> o.isStatedLimit() && o.getClause() == m.getClause())
                    && all.stream().noneMatch(o -> o.isLimiting() && o.isStatedLimit() && o.isLocationUse() && !o.isNegated()
                            && !o.isWeak() && !"NEARBY_STORE_DISPLAY".equals(o.getCode()) && o.getSentence() == m.getSentence()
                            && !m.isLocationUse())
                    && (m.isLocationUse() || all.stream().noneMatch(o -> "SHIPPING_ADDRESS".equals(o.getCode())
                            && o.isStatedLimit() && !o.isNegated() && o.getSentence() == m.getSentence()))
                    && !(all.stream().anyMatch(o -> ("SHIPPING_ADDRESS".equals(o.getCode()) || "TAKEAWAY_ADDRESS_ONLY".equals(o.getCode()))
                            && o.isStatedLimit() && !o.isNegated() && !o.isWeak())
                        && all.stream().noneMatch(o -> o.isQualifying() && o.isLocationUse() && !o.isWeak() && !o.isNegated()
                            && !o.isDestinationOnly()))
                    && !locationOnlyForDeniedUses(all, tracked)
                    && !locationOnlyForTheCity(all);
        }
        return !m.isLocationUse() && m.isBusiness() && !vague && !scoped && !unread
                && all.stream().noneMatch(Mention::isStatedLimit)
                && all.stream().noneMatch(o -> o.isNegated() && !"HASHTAG".equals(o.getDenial()) && !"FALLBACK".equals(o.getDenial())
                        && o.getStatedCode().equals(m.getStatedCode()))
                && !locationOnlyForDeniedUses(all, tracked);
    }

    private Outcome reject(Application app, List<AppScenario> scenarios, List<Pair> pairs, boolean pushesOrGathers,
                           boolean stopsOnLeaving) {
        List<String> clauses = new ArrayList<>();
        Set<String> recommended = new LinkedHashSet<>();
        boolean continuous = app.getFamily() == ApiFamily.CONTINUOUS;
        if (pairs.stream().anyMatch(p -> p.outside() && p.grant().getFamily() == app.getFamily())) {
            clauses.add("RT");
            recommended.add("wx.getLocation");
            recommended.addAll(LIGHT);
        }
        if (pushesOrGathers && pairs.stream().anyMatch(p -> p.grant().getFamily() == app.getFamily()
                && p.grant().appliesTo(app.getApi()))) {
            clauses.add("RB");
            recommended.addAll(List.of("wx.startLocationUpdate", "wx.getFuzzyLocation"));
        }
        if (stopsOnLeaving && pairs.stream().anyMatch(p -> p.grant().getFamily() == app.getFamily()
                && p.grant().appliesTo(app.getApi()))) {
            clauses.add("RF");
            recommended.addAll(List.of("wx.startLocationUpdate", "wx.getLocation"));
        }
        if (continuous && !pushesOrGathers && !stopsOnLeaving && pairs.stream().anyMatch(p -> !p.outside() || p.grant().getFamily() != app.getFamily())
                && !has(scenarios, "TAKEAWAY_ADDRESS_ONLY")) {
            clauses.add("RC");
            recommended.add("wx.getLocation");
            recommended.addAll(LIGHT);
        }
        if (continuous && has(scenarios, "TAKEAWAY_ADDRESS_ONLY")) {
            clauses.add("R2");
            recommended.addAll(LIGHT);
        }
        if (has(scenarios, "SHIPPING_ADDRESS")) {
            clauses.add("R4");
            recommended.addAll(List.of("wx.chooseAddress", "wx.chooseLocation", "wx.choosePoi"));
        }
        if (has(scenarios, "NEARBY_STORE_DISPLAY") && scenarios.stream().noneMatch(AppScenario::isNavigation)) {
            clauses.add("R5");
            recommended.addAll(LIGHT);
        }
        if (has(scenarios, "CITY_LEVEL_ONLY")) {
            clauses.add("R1");
            recommended.addAll(LIGHT);
        }
        for (AppScenario s : scenarios) {
            if (s.isQualifying() && pairs.stream().noneMatch(p -> p.scenario() == s && p.grant().appliesTo(app.getApi()))
                    && data.grants().stream().anyMatch(g -> g.carries(s.getCode()))) {
                clauses.add("RM");
                recommended.addAll(LIGHT);
                break;
            }
        }
        if (continuous && pairs.isEmpty() && app.getCategories().stream().anyMatch(c -> c.getLevel1().equals("新闻资讯")
                || (c.getLevel1().equals("文娱") && "资讯".equals(c.getLevel2())))) {
            clauses.add("R3");
        }
        if (clauses.isEmpty()) {
            clauses.add("R0");
            recommended.addAll(LIGHT);
        }
        return new Outcome("REJECT", clauses.get(0), List.copyOf(recommended));
    }

    private static boolean has(List<AppScenario> scenarios, String code) {
        return scenarios.stream().anyMatch(s -> s.getCode().equals(code));
    }

    /** A limit said in so many words, not the words of a use that holds it (仅附近网点导航). */
    private static boolean limitStated(Mention l, List<Mention> all) {
        return l.isExplicitLimit() && all.stream().noneMatch(o -> o.isQualifying() && !o.isNegated() && o.spans(l));
    }
}
