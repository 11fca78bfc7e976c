package dev.locreview.rules;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.locreview.engine.RuleSet;
import dev.locreview.fleet.StoreEvents;
import dev.locreview.policy.RuleSetException;

/**
 * The rule set the service decides with. A decision reads it once, so it is decided wholly by one
 * version. Every instance on a store answers with the store's active version (RuleVersions): an upload is
 * built and checked off to the side and kept as a version; an activation swaps it in atomically here and,
 * told by StoreEvents, on every other instance. When a version does not load, the last good set keeps
 * answering and the failure is kept for the health endpoint. The rules folder is the first version of an
 * empty store, and a reload uploads and activates it.
 */
@Component
public class LiveRules implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LiveRules.class);

    private final Path folder;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    /** The first load runs beside the rest of start-up; the context waits for it before it serves. */
    /** The first load, until it answers: dropped then, so a reload does not leave it holding a whole rule set. */
    private volatile CompletableFuture<RuleSet> initial;
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();
    private final RuleSetPipeline pipeline;
    private final RuleVersions versions;
    /** The store's activation this instance last followed (whether or not its version loaded). */
    private volatile RuleVersions.Activation active;
    /** The last upload compiled ahead (or tried), so each is compiled once. Guarded by this. */
    private String compiledAhead;
    /**
     * Sets compiled ahead, so an activation swaps at once rather than after a compile of seconds: the version
     * uploaded last, and the one answering before (for a rollback). Guarded by this.
     */
    private final Map<String, RuleSet> compiled = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            return size() > 2;
        }
    };
    private volatile List<String> prepared = List.of();

    /** A version that did not go live: which, when, and every problem with file and line. */
    public record Failure(Instant at, String version, List<String> problems) {
    }

    /** What a reload or an activation did: the version now live, and the problems if the candidate was refused. */
    public record Reload(boolean swapped, String liveVersion, String candidateVersion, List<String> problems) {
    }

    /** What an upload did: the version it is (stored before, or now), or every problem found. */
    public record Upload(String version, int rules, boolean added, List<String> problems) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    public LiveRules(LocreviewProperties properties, RuleSetPipeline pipeline, RuleVersions versions,
                     StoreEvents events) {
        this.folder = properties.rulesDir();
        this.pipeline = pipeline;
        this.versions = versions;
        this.initial = RulesPreloader.take(folder).orElseGet(() -> RulesPreloader.start(folder))
                .thenApply(rules -> {
                    log.info("Loaded rule set {} from {}: {} rules", rules.version(), rules.folder(),
                            rules.rules().size());
                    return rules;
                });
        events.subscribe(StoreEvents.Topic.RULES, this::follow);
    }

    /** Start-up fails here, with the problems, if the rules folder does not load; then the store's version is taken. */
    @Override
    public void afterSingletonsInstantiated() {
        current();
        follow();
    }

    public RuleSet current() {
        RuleSet rules = current.get();
        if (rules == null) {
            CompletableFuture<RuleSet> first = initial;
            if (first != null) {
                try {
                    current.compareAndSet(null, first.join());
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
                initial = null; // (only after current is set: a reader that finds it null finds current set)
            }
            rules = current.get();
        }
        return rules;
    }

    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /**
     * The versions compiled ahead here, which an activation swaps in at once (else it waits for a compile). Read
     * without the lock, which a compile holds for seconds: the health endpoint must not wait for it.
     */
    public List<String> prepared() {
        return prepared;
    }

    /** The store's active version as this instance last read it. */
    public Optional<RuleVersions.Activation> active() {
        return Optional.ofNullable(active);
    }

    /**
     * Brings this instance to the store's active version (an empty store first gets the rules folder), then
     * compiles the version uploaded last, ready for its activation. Each activation is tried once: a version that
     * does not load leaves the last good set answering.
     */
    public synchronized void follow() {
        RuleVersions.Activation latest = versions.active().orElseGet(() -> versions.seed(current().version(),
                RulesZip.pack(folder), current().rules().size()));
        if (active == null || active.id() != latest.id()) {
            active = latest;
            if (!latest.version().equals(current().version())) {
                RuleSetPipeline.Result loaded = load(latest.version());
                if (loaded.accepted()) {
                    swap(loaded.rules());
                } else {
                    refuse(current().version(), latest.version(), loaded.problems());
                }
            }
        }
        versions.latest().filter(v -> !v.equals(compiledAhead) && !v.equals(current().version()))
                .ifPresent(v -> {
                    compiledAhead = v;
                    RuleSetPipeline.Result ahead = load(v);
                    if (ahead.accepted()) {
                        keep(ahead.rules());
                    }
                });
    }

    /** Takes the rules folder through the pipeline again (casebook gate included) and activates it on every instance. */
    public synchronized Reload reload(String by) {
        RuleSetPipeline.Bundle gated = pipeline.gate(RulesZip.pack(folder));
        if (!gated.result().accepted()) {
            return refuse(current().version(), gated.result().version(), gated.result().problems());
        }
        RuleSet candidate = gated.result().rules();
        versions.add(candidate.version(), gated.zip(), candidate.rules().size(), by);
        return activated(candidate, by);
    }

    /** Takes a zipped rules folder through the pipeline (casebook gate included) and keeps it as a version. */
    public Upload upload(byte[] zip, String by) {
        RuleSetPipeline.Bundle gated = pipeline.gate(zip);
        RuleSetPipeline.Result result = gated.result();
        if (!result.accepted()) {
            return new Upload(result.version(), 0, false, result.problems());
        }
        int rules = result.rules().rules().size();
        synchronized (this) {
            keep(result.rules());
            compiledAhead = result.version();
        }
        boolean added = versions.add(result.version(), gated.zip(), rules, by);
        log.info("Rule set {} uploaded by {} ({} rules{})", result.version(), by, rules, added ? "" : ", already stored");
        return new Upload(result.version(), rules, added, List.of());
    }

    /**
     * Makes a stored version the active one, if it loads here; every instance follows. Empty when the store
     * has no such version. Activating an earlier version is a rollback.
     */
    public synchronized Optional<Reload> activate(String version, String by) {
        if (versions.bundle(version).isEmpty()) {
            return Optional.empty();
        }
        RuleSet live = current();
        RuleSetPipeline.Result loaded = version.equals(live.version())
                ? new RuleSetPipeline.Result(live, version, List.of()) : load(version);
        if (!loaded.accepted()) {
            return Optional.of(refuse(live.version(), version, loaded.problems()));
        }
        return Optional.of(activated(loaded.rules(), by));
    }

    private Reload activated(RuleSet rules, String by) {
        String before = current().version();
        active = versions.activate(rules.version(), by);
        swap(rules);
        lastFailure.set(null);
        log.info("Rule set {} activated by {} (was {})", rules.version(), by, before);
        return new Reload(true, rules.version(), rules.version(), List.of());
    }

    /** A version from the store, compiled and checked (its casebook gate was passed when it was uploaded). */
    private RuleSetPipeline.Result load(String version) {
        RuleSet ready = compiled.get(version);
        if (ready != null) {
            return new RuleSetPipeline.Result(ready, version, List.of());
        }
        try {
            byte[] bundle = versions.bundle(version)
                    .orElseThrow(() -> new RuleSetException("version " + version + " is not in the store"));
            RuleSetPipeline.Result checked = RulesZip.withUnpacked(bundle, RuleSetPipeline::check);
            if (checked.accepted() && !checked.version().equals(version)) {
                return new RuleSetPipeline.Result(null, checked.version(), List.of("the bundle stored as version "
                        + version + " holds version " + checked.version()));
            }
            return checked;
        } catch (RuleSetException e) {
            return RuleSetPipeline.Result.refused(version, e);
        }
    }

    /** Keeps a compiled set for an activation to come (a rollback, or an upload). */
    private void keep(RuleSet rules) {
        compiled.put(rules.version(), rules);
        prepared = List.copyOf(compiled.keySet());
    }

    private void swap(RuleSet rules) {
        RuleSet before = current.getAndSet(rules); // never null: every caller has read current() first
        compiled.remove(rules.version());
        // (the same version reloaded needs no copy kept to roll back to: each would hold a whole rule set)
        if (!before.version().equals(rules.version())) {
            keep(before);
        }
        log.info("Rule set {} replaced {} ({} rules)", rules.version(), before.version(), rules.rules().size());
    }

    private Reload refuse(String live, String candidate, List<String> problems) {
        lastFailure.set(new Failure(Instant.now(), candidate, problems));
        log.warn("Rule set {} refused; {} stays live:\n  {}", candidate, live, String.join("\n  ", problems));
        return new Reload(false, live, candidate, problems);
    }
}
