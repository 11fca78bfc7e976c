package dev.locreview.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.drools.base.InitialFact;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.FactHandle;

import dev.locreview.policy.PolicyData;
import dev.locreview.policy.RuleFiles;
import dev.locreview.policy.RuleSetException;
import dev.locreview.reading.Lexicon;
import dev.locreview.reading.ReasonReader;

/**
 * One loaded, compiled rule set: the DRL files and the policy data of a rules folder, with the
 * content hash that names its version. Thread-safe: each decision takes a warm session of its own from a pool
 * (see WarmSession), so concurrent decisions never share state.
 */
public final class RuleSet {

    private static final KieServices KIE = KieServices.Factory.get();
    private static final String RESOURCES = "src/main/resources/locreview/";
    /** A warm session is used by one decision at a time (taken from the pool, returned after): no locking inside it. */
    private static final KieSessionConfiguration SESSION_CONFIG = sessionConfig();
    /** Rule firings one decision may take; the casebook's largest takes 54. */
    static final int MAX_FIRES = 10_000;
    /**
     * Set on the thread of a run with a time budget (RuleSetPipeline.withinBudget): true once the time is up.
     * A flag rather than an interrupt, which would also hit the run's database reads (and H2 closes its file
     * when a thread is interrupted in I/O).
     */
    public static final ThreadLocal<AtomicBoolean> OVER_BUDGET = new ThreadLocal<>();

    private final Path folder;
    private final String version;
    private final Instant loadedAt;
    private final PolicyData data;
    private final ReasonReader reader;
    private final KieBase kieBase;
    /** Warm sessions kept for reuse: as many as decisions run at once (Engine.AT_ONCE). */
    private final BlockingQueue<WarmSession> sessions = new ArrayBlockingQueue<>(Engine.AT_ONCE);
    private final List<RuleInfo> rules;
    private final Map<String, LongAdder> fireCounts = new ConcurrentHashMap<>();

    private RuleSet(Path folder, String version, PolicyData data, ReasonReader reader, KieBase kieBase,
                    List<RuleInfo> rules) {
        this.folder = folder;
        this.version = version;
        this.loadedAt = Instant.now();
        this.data = data;
        this.reader = reader;
        this.kieBase = kieBase;
        this.rules = List.copyOf(rules);
    }

    /** A rule of the set, as a reviewer looks it up: name, clause and the file it lives in. */
    public record RuleInfo(String name, String clause, String file) {
    }

    /**
     * Compiles the given DRL texts (path under the folder → text, already checked by the pipeline) with the
     * folder's data/ and reading/; throws naming file and line on errors. Only RuleSetPipeline calls this.
     */
    public static RuleSet load(Path root, Map<String, String> drlFiles) {
        String version = contentHash(root);
        PolicyData data = PolicyData.load(root.resolve("data"));
        ReasonReader reader = new ReasonReader(Lexicon.load(root.resolve("reading"), data));
        KieFileSystem kfs = KIE.newKieFileSystem();
        ReleaseId releaseId = KIE.newReleaseId("dev.locreview", "rules", "1.0.0-" + version);
        kfs.generateAndWritePomXML(releaseId);
        // Written under the folder of the DRL package (locreview) so the builder does not warn.
        drlFiles.forEach((file, text) -> kfs.write(RESOURCES + file, text));
        KieBuilder builder = KIE.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Message m : errors) {
                String path = m.getPath() == null ? "?" : relative(m.getPath());
                lines.add(path + ":" + m.getLine() + ": " + m.getText().strip());
            }
            throw new RuleSetException("rules in " + root + " do not compile:\n" + String.join("\n", lines));
        }
        KieBase kieBase = KIE.newKieContainer(releaseId).getKieBase();
        KIE.getRepository().removeKieModule(releaseId);
        requireAnchors(kieBase, data);
        return new RuleSet(root, version, data, reader, kieBase, catalogue(kieBase, data));
    }

    private static KieSessionConfiguration sessionConfig() {
        KieSessionConfiguration config = KIE.newKieSessionConfiguration();
        config.setOption(ThreadSafeOption.NO);
        return config;
    }

    /** The facts every decision shares, inserted once into each warm session. */
    private static List<Object> sharedFacts(PolicyData data) {
        List<Object> shared = new ArrayList<>(data.rejections());
        shared.addAll(data.tables());
        return shared;
    }

    /**
     * Refuses a rule that could match without a fact of the decision (only negations, or only shared facts): in a
     * warm session such a rule would fire once for the session's life instead of once per decision.
     */
    private static void requireAnchors(KieBase kieBase, PolicyData data) {
        Set<Class<?>> shared = new java.util.HashSet<>();
        sharedFacts(data).forEach(f -> shared.add(f.getClass()));
        List<String> unanchored = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (rule instanceof RuleImpl impl && !anchored(impl.getLhs(), shared)) {
                    unanchored.add(java.util.Objects.requireNonNullElse(fileOf(rule), "?") + ": rule \"" + rule.getName() + "\"");
                }
            }
        }
        if (!unanchored.isEmpty()) {
            throw new RuleSetException("a rule must match a fact of the decision (for example Application()), not only "
                    + "negations or the shared rejection patterns and tables:\n" + String.join("\n", unanchored));
        }
    }

    /** Whether every way the condition can hold takes a fact of the decision from working memory. */
    private static boolean anchored(RuleConditionElement element, Set<Class<?>> shared) {
        if (element instanceof Pattern pattern) {
            return pattern.getSource() == null && pattern.getObjectType() instanceof ClassObjectType type
                    && !shared.contains(type.getClassType()) && !InitialFact.class.isAssignableFrom(type.getClassType());
        }
        if (element instanceof GroupElement group && !group.isNot() && !group.isExists()) {
            return group.isOr() ? group.getChildren().stream().allMatch(c -> anchored(c, shared))
                    : group.getChildren().stream().anyMatch(c -> anchored(c, shared));
        }
        return false;
    }

    /** What one run of the rules produced: the facts asked for, and the rules that fired, in firing order. */
    public record Execution(List<Object> facts, List<String> fired) {
    }

    /** Runs the rules on the facts of one application; returns every fact of the given types. */
    public Execution execute(Collection<?> facts, Class<?>... wanted) {
        WarmSession warm = sessions.poll();
        if (warm == null) {
            warm = new WarmSession();
        }
        boolean reusable = false;
        try {
            Execution execution = warm.run(facts, wanted);
            reusable = warm.clear();
            return execution;
        } finally {
            // A run that failed midway leaves its facts in the session: it is dropped, not reused.
            if (!reusable || !sessions.offer(warm)) {
                warm.session.dispose();
            }
        }
    }

    /**
     * A session that holds the facts every decision shares (the rejection patterns and the official tables) and
     * keeps its network memory between decisions: a decision inserts its own facts, fires, and deletes what it
     * inserted and what its rules derived. A fresh or reset session per decision rebuilt that memory each time.
     * What a decision put in working memory is recorded as it goes in, so neither reading the results nor clearing
     * them walks the session's whole store (the shared tables are most of it).
     */
    private final class WarmSession {
        final KieSession session = kieBase.newKieSession(SESSION_CONFIG, null);
        final int sharedCount;
        /** The decision's own facts and what its rules derived, in the order they went in. */
        final Map<FactHandle, Object> decisionFacts = new java.util.LinkedHashMap<>();
        List<String> fired = new ArrayList<>();

        WarmSession() {
            sharedFacts(data).forEach(session::insert);
            sharedCount = (int) session.getFactCount();
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    decisionFacts.put(event.getFactHandle(), event.getObject());
                }

                @Override
                public void objectUpdated(ObjectUpdatedEvent event) {
                    decisionFacts.put(event.getFactHandle(), event.getObject());
                }

                @Override
                public void objectDeleted(ObjectDeletedEvent event) {
                    decisionFacts.remove(event.getFactHandle());
                }
            });
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    for (String name : firedNames(event)) {
                        fired.add(name);
                        fireCounts.computeIfAbsent(name, n -> new LongAdder()).increment();
                    }
                }
            });
        }

        Execution run(Collection<?> facts, Class<?>[] wanted) {
            fired = new ArrayList<>();
            facts.forEach(session::insert);
            // The phases fire in order: focus is a stack, so the first phase is pushed last.
            List<String> phases = data.phases();
            for (int i = phases.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(phases.get(i)).setFocus();
            }
            // A rule that re-activates itself would fire for ever: a decision gets a bounded number of firings,
            // and stops firing at once when the run it belongs to is over its time budget.
            AtomicBoolean over = OVER_BUDGET.get();
            int count = session.fireAllRules(match -> over == null || !over.get(), MAX_FIRES);
            if (over != null && over.get()) {
                throw new RuleSetException("stopped: the run is over its time budget");
            }
            if (count >= MAX_FIRES) {
                String most = fired.stream().collect(java.util.stream.Collectors.groupingBy(n -> n,
                        java.util.stream.Collectors.counting())).entrySet().stream()
                        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
                throw new RuleSetException("rule set exceeded its fire budget: more than " + MAX_FIRES
                        + " rule firings in one decision (most often \"" + most + "\")");
            }
            List<Object> out = new ArrayList<>();
            decisionFacts.values().forEach(o -> {
                if (isAny(o, wanted)) {
                    out.add(o);
                }
            });
            return new Execution(out, fired);
        }

        /**
         * Deletes the decision's facts and everything its rules derived; true when only the shared facts are left.
         * The deletions settle in the next decision's run: every rule matches a fact of the decision
         * (requireAnchors), so none can fire on what is left.
         */
        boolean clear() {
            FactHandle[] handles = decisionFacts.keySet().toArray(new FactHandle[0]);
            decisionFacts.clear();
            for (FactHandle handle : handles) {
                session.delete(handle);
            }
            // (a rule that deleted a shared fact leaves the session short of it: not reused)
            return session.getFactCount() == sharedCount;
        }
    }

    /**
     * What fired: the rule, and for a rule driven by a table the row it fired for too — its {@code @row("$q")}
     * metadata names the declaration holding the row (a grant's Qualifying pair), whose name a reviewer cites.
     */
    private static List<String> firedNames(AfterMatchFiredEvent event) {
        Rule rule = event.getMatch().getRule();
        Object row = rule.getMetaData().get("row");
        return row == null ? List.of(rule.getName())
                : List.of(rule.getName(), String.valueOf(event.getMatch().getDeclarationValue(String.valueOf(row))));
    }

    private static boolean isAny(Object o, Class<?>[] types) {
        for (Class<?> type : types) {
            if (type.isInstance(o)) {
                return true;
            }
        }
        return false;
    }

    /** How often each rule has fired since this set was loaded. */
    public long fireCount(String rule) {
        LongAdder count = fireCounts.get(rule);
        return count == null ? 0 : count.sum();
    }

    public Path folder() { return folder; }
    public String version() { return version; }
    public Instant loadedAt() { return loadedAt; }
    public PolicyData data() { return data; }
    public ReasonReader reader() { return reader; }
    public List<RuleInfo> rules() { return rules; }

    /** The DRL rules, and the rows of the grant table that the grant rule fires for. */
    private static List<RuleInfo> catalogue(KieBase kieBase, PolicyData data) {
        List<RuleInfo> rules = new ArrayList<>();
        data.grants().forEach(g -> rules.add(new RuleInfo(g.getName(), g.getClause(), "data/grants.yaml")));
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (isQuery(rule)) {
                    continue; // a condition rules share, not a rule of the policy
                }
                rules.add(new RuleInfo(rule.getName(), String.valueOf(rule.getMetaData().get("clause")), fileOf(rule)));
            }
        }
        rules.sort(java.util.Comparator.comparing(RuleInfo::file, java.util.Comparator.nullsLast(String::compareTo))
                .thenComparing(RuleInfo::name));
        return rules;
    }

    private static boolean isQuery(Rule rule) {
        return rule instanceof RuleImpl impl && impl.isQuery();
    }

    /** The file under the rules folder a rule was written in; null when Drools does not say. */
    private static String fileOf(Rule rule) {
        return rule instanceof RuleImpl impl && impl.getResource() != null
                ? relative(impl.getResource().getSourcePath()) : null;
    }

    /** A KieFileSystem path back to the path under the rules folder. */
    private static String relative(String kiePath) {
        return kiePath.replaceFirst("^(src/main/resources/)?locreview/", "");
    }

    /** SHA-256 over every file's relative path and bytes, in path order; the first 16 hex digits. */
    static String contentHash(Path root) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : RuleFiles.of(root)) {
                digest.update(root.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
