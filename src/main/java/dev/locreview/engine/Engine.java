package dev.locreview.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import dev.locreview.policy.AppCategory;
import dev.locreview.policy.AppScenario;
import dev.locreview.policy.Application;
import dev.locreview.policy.Finding;
import dev.locreview.policy.GateCheck;
import dev.locreview.policy.Outlook;
import dev.locreview.policy.Submission;
import dev.locreview.policy.ToAttach;
import dev.locreview.policy.VerdictFinding;
import dev.locreview.reading.ReasonReader;

/**
 * The engine: decides one application with one rule set — intake, the reading of the 申请原因, the facts,
 * the rules, and the decision read off their findings. Every face calls it (HTTP single and batch, the
 * command line, the casebook, previews, benchmarks); storing, metrics and the audit trail come after.
 */
public final class Engine {

    /**
     * Time-ordered ids (UUID version 7, monotonic within a millisecond): the store's indexes grow at their end,
     * where random ids rewrote a page of every index for every record.
     */
    private static final TimeBasedEpochGenerator DECISION_IDS = Generators.timeBasedEpochGenerator();
    /**
     * Decisions run at most two per core at once; the others wait their turn here. Deciding is all CPU: more at once
     * only interleaves them, and each one in flight keeps its allocations alive through a young collection and a
     * warm session busy (bench/RESULTS.md: 64 at once on two cores copied twice the survivors per collection).
     */
    static final int AT_ONCE = 2 * Runtime.getRuntime().availableProcessors();
    private static final Semaphore RUNNING = new Semaphore(AT_ONCE);

    private Engine() {
    }

    /** Decides with the given rule set; the whole decision sees that one version. */
    public static Decision decide(RuleSet rules, ReviewRequest request) {
        RUNNING.acquireUninterruptibly();
        try {
            return decideNow(rules, request);
        } finally {
            RUNNING.release();
        }
    }

    private static Decision decideNow(RuleSet rules, ReviewRequest request) {
        Intake intake = new Intake(rules.data());
        Application application = intake.application(request);
        List<AppScenario> declared = intake.declaredScenarios(request.scenarios());

        ReasonReader.Reading reading = rules.reader().read(request.reason(), application.getCategories());
        Set<String> scenarioCodes = new LinkedHashSet<>();
        declared.forEach(d -> scenarioCodes.add(d.getCode()));
        reading.mentions().forEach(m -> {
            if (m.getCode() != null) {
                scenarioCodes.add(m.getCode());
            }
        });
        List<Object> facts = new ArrayList<>(rules.data().grantsFor(
                application.getCategories().stream().map(AppCategory::getLevel1).toList(), scenarioCodes));
        facts.add(application);
        facts.add(submission(request));
        facts.addAll(application.getCategories());
        facts.addAll(declared);
        facts.addAll(reading.facts());
        RuleSet.Execution execution = rules.execute(facts, Finding.class, AppScenario.class, GateCheck.class,
                ToAttach.class, VerdictFinding.class);
        List<Object> out = execution.facts();

        // Stable order: the more specific rejection pattern first (rejections.yaml), then rule name, then message.
        List<Finding> findings = out.stream().filter(Finding.class::isInstance).map(Finding.class::cast)
                .sorted(java.util.Comparator.comparingInt((Finding f) -> rules.data().precedence(f.getClause()))
                        .thenComparing(Finding::getRuleId).thenComparing(Finding::getMessage))
                .toList();
        List<Finding> approvals = findings.stream().filter(Finding::isApproval).toList();
        List<Finding> rejections = findings.stream().filter(Finding::isRejection).toList();
        boolean approved = !approvals.isEmpty();
        List<Finding> deciding = approved ? approvals : rejections;

        Set<String> recommended = new LinkedHashSet<>();
        if (!approved) {
            rejections.forEach(f -> recommended.addAll(rules.data().alternatives(f.getClause())));
        }
        List<Decision.Reason> reasons = deciding.stream()
                .map(f -> new Decision.Reason(f.getRuleId(), f.getClause(), f.getMessage())).distinct().toList();
        List<String> guidance = messages(findings, Finding.Kind.GUIDANCE);
        List<String> doubts = messages(findings, Finding.Kind.DOUBT);
        Decision.Confidence confidence = new Decision.Confidence(
                doubts.isEmpty() ? Decision.Level.HIGH : Decision.Level.LOW, doubts);
        List<String> warnings = new ArrayList<>(intake.warnings());
        warnings.addAll(messages(findings, Finding.Kind.WARNING));
        List<Decision.ScenarioView> scenarios = out.stream().filter(AppScenario.class::isInstance)
                .map(AppScenario.class::cast)
                .sorted(java.util.Comparator.comparing(AppScenario::getSource)
                        .thenComparing(s -> s.getEvidence() == null ? -1 : s.getEvidence().start())
                        .thenComparing(AppScenario::getCode)
                        .thenComparing(s -> s.getEvidence() == null ? -1 : s.getEvidence().end()))
                .map(s -> new Decision.ScenarioView(s.getCode(), s.getLabel(), s.getSource(), s.getEvidence()))
                .toList();
        Decision.Echo echo = new Decision.Echo(request.appId(), request.appName(),
                application.getCategories().stream().map(AppCategory::getPath).toList(),
                declared.stream().map(AppScenario::getCode).toList(), request.reason());
        return new Decision(DECISION_IDS.generate().toString(),
                approved ? Decision.Outcome.APPROVE : Decision.Outcome.REJECT,
                application.getApi(), reasons.isEmpty() ? null : reasons.get(0).clause(), outlook(out), reasons,
                List.copyOf(recommended), scenarios, warnings, guidance, confidence, execution.fired().stream().distinct().toList(),
                echo, rules.version(), Instant.now());
    }

    /** The gates as the rules judged them: per gate its worst check, the verdict and what to attach. */
    private static Outlook outlook(List<Object> out) {
        Map<GateCheck.Gate, GateCheck> worst = new EnumMap<>(GateCheck.Gate.class);
        out.stream().filter(GateCheck.class::isInstance).map(GateCheck.class::cast).sorted(GateCheck.WORST_FIRST)
                .forEach(g -> worst.putIfAbsent(g.getGate(), g));
        List<Outlook.GateView> gates = worst.values().stream()
                .map(g -> new Outlook.GateView(g.getGate(), g.getStatus(), g.getMessage(), g.getSource(), g.getClause()))
                .toList();
        Outlook.Verdict verdict = out.stream().filter(VerdictFinding.class::isInstance).map(VerdictFinding.class::cast)
                .map(VerdictFinding::verdict).findFirst().orElse(null);
        List<String> toAttach = out.stream().filter(ToAttach.class::isInstance).map(ToAttach.class::cast)
                .sorted(java.util.Comparator.comparingInt(ToAttach::rank).thenComparing(ToAttach::text))
                .map(ToAttach::text).distinct().toList();
        return new Outlook(verdict, gates, toAttach);
    }

    private static List<String> messages(List<Finding> findings, Finding.Kind kind) {
        return findings.stream().filter(f -> f.getKind() == kind).map(Finding::getMessage).distinct().toList();
    }

    /** What the reviewer will see besides the reason, as the evidence gate's fact. */
    private static Submission submission(ReviewRequest request) {
        ReviewRequest.Attachments a = request.attachments();
        return new Submission(a != null, a == null || a.images() == null ? 0 : a.images(),
                a != null && Boolean.TRUE.equals(a.video()), a == null || a.links() == null ? 0 : a.links().size(),
                Boolean.TRUE.equals(request.loginRequired()), Boolean.TRUE.equals(request.testAccountProvided()),
                request.reason() == null ? 0 : request.reason().strip().length());
    }
}
