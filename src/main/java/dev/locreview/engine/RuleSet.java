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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import dev.locreview.policy.PolicyData;
import dev.locreview.policy.RuleSetException;
import dev.locreview.reading.Lexicon;
import dev.locreview.reading.ReasonReader;

/**
 * One loaded, compiled rule set: the DRL files and the policy data of a rules folder, with the
 * content hash that names its version. Immutable and thread-safe: each decision takes its own
 * session from a pool (a session is reset when returned), so concurrent decisions never share state.
 */
public final class RuleSet {

    private static final KieServices KIE = KieServices.Factory.get();
    private static final String RESOURCES = "src/main/resources/locreview/";
    /** Sessions kept for reuse: as many as requests decided at once (the web server's 64 threads). */
    private static final int POOLED_SESSIONS = 64;
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
    private final KieSessionsPool sessions;
    private final List<RuleInfo> rules;
    private final Map<String, LongAdder> fireCounts = new ConcurrentHashMap<>();

    private RuleSet(Path folder, String version, PolicyData data, ReasonReader reader, KieBase kieBase,
                    List<RuleInfo> rules) {
        this.folder = folder;
        this.version = version;
        this.loadedAt = Instant.now();
        this.data = data;
        this.reader = reader;
        this.sessions = kieBase.newKieSessionsPool(POOLED_SESSIONS);
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
        return new RuleSet(root, version, data, reader, kieBase, catalogue(kieBase, data));
    }

    /** What one run of the rules produced: the facts asked for, and the rules that fired, in firing order. */
    public record Execution(List<Object> facts, List<String> fired) {
    }

    /** Runs the rules on the facts of one application; returns every fact of the given types. */
    public Execution execute(Collection<?> facts, Class<?>... wanted) {
        KieSession session = sessions.newKieSession();
        List<String> fired = new ArrayList<>();
        AgendaEventListener listener = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                for (String name : firedNames(event)) {
                    fired.add(name);
                    fireCounts.computeIfAbsent(name, n -> new LongAdder()).increment();
                }
            }
        };
        session.addEventListener(listener);
        try {
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
            return new Execution(new ArrayList<>(session.getObjects(o -> isAny(o, wanted))), fired);
        } finally {
            session.removeEventListener(listener);
            session.dispose();
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
                String file = rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl
                        ? impl.getResource() == null ? null : impl.getResource().getSourcePath() : null;
                rules.add(new RuleInfo(rule.getName(), String.valueOf(rule.getMetaData().get("clause")),
                        file == null ? null : relative(file)));
            }
        }
        rules.sort(java.util.Comparator.comparing(RuleInfo::file, java.util.Comparator.nullsLast(String::compareTo))
                .thenComparing(RuleInfo::name));
        return rules;
    }

    /** A KieFileSystem path back to the path under the rules folder. */
    private static String relative(String kiePath) {
        return kiePath.replaceFirst("^(src/main/resources/)?locreview/", "");
    }

    /** SHA-256 over every file's relative path and bytes, in path order; the first 16 hex digits. */
    static String contentHash(Path root) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files(root)) {
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

    /** Every file under the folder, in path order. */
    public static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new RuleSetException(root + ": " + e.getMessage(), e);
        }
    }
}
