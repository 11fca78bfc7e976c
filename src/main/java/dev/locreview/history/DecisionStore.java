package dev.locreview.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.locreview.engine.Decision;
import dev.locreview.engine.ReviewRequest;
import jakarta.annotation.PreDestroy;
import dev.locreview.security.Mode;

/** The decision records, in H2 or PostgreSQL through plain SQL (schema by Flyway, db/migration). */
@Repository
public class DecisionStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    public DecisionStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager,
                         ObjectMapper json) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.writer = new Thread(this::writeLoop, "decision-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private static final String INSERT = """
            INSERT INTO decision_record (decision_id, decided_at, mode, caller, api, decision, clause, app_id,
                categories, clauses, rules_version, request_json, decision_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int MAX_GROUP = 256;

    /** A decision waiting for the writer, and the signal that it is committed. */
    private record Pending(Object[] row, CompletableFuture<Void> committed) {
    }

    /**
     * Stores one decision and returns once it is committed. Concurrent saves are committed together
     * (group commit by one writer thread): one transaction, and one write of the store, for all of them.
     */
    public void save(ReviewRequest request, Decision decision, Mode mode, String caller) {
        Pending pending = new Pending(new Object[] {decision.decisionId(), Timestamp.from(decision.decidedAt()),
                mode.name(), caller, decision.api(), decision.decision().name(), decision.clause(), request.appId(),
                "|" + String.join("|", decision.application().categories()) + "|",
                "|" + String.join("|", decision.reasons().stream().map(Decision.Reason::clause).distinct().toList()) + "|",
                decision.rulesVersion(), write(request), write(decision)}, new CompletableFuture<>());
        if (!running) {
            throw new IllegalStateException("the decision store is shut down");
        }
        queue.add(pending);
        try {
            pending.committed().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing decision " + decision.decisionId(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("decision " + decision.decisionId() + " not stored within 30 s", e);
        }
    }

    private void writeLoop() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                List<Object[]> rows = group.stream().map(Pending::row).toList();
                transactions.executeWithoutResult(status -> jdbcTemplate.batchUpdate(INSERT, rows));
                group.forEach(p -> p.committed().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                group.forEach(p -> p.committed().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.join(10_000);
    }

    public Optional<DecisionRecord> find(String decisionId) {
        return jdbc.sql("SELECT * FROM decision_record WHERE decision_id = :id").param("id", decisionId)
                .query(this::record).optional();
    }

    public record Page(List<DecisionSummary> items, int page, int size, long total) {
    }

    /** Newest first. */
    public Page search(HistoryQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        Map<String, Object> params = new LinkedHashMap<>();
        filter(where, params, "decision", "decision = :decision", q.decision());
        filter(where, params, "api", "api = :api", q.api());
        filter(where, params, "appId", "app_id = :appId", q.appId());
        filter(where, params, "category", "categories LIKE :category", q.category() == null ? null
                : "%|" + escape(q.category()) + "%");
        filter(where, params, "rule", "clauses LIKE :rule", q.rule() == null ? null : "%|" + escape(q.rule()) + "|%");
        filter(where, params, "mode", "mode = :mode", q.mode() == null ? null : q.mode().name());
        filter(where, params, "from", "decided_at >= :from", q.from() == null ? null : Timestamp.from(q.from()));
        filter(where, params, "to", "decided_at < :to", q.to() == null ? null : Timestamp.from(q.to()));
        long total = jdbc.sql("SELECT COUNT(*) FROM decision_record" + where).params(params).query(Long.class).single();
        params.put("limit", q.size());
        params.put("offset", (long) q.page() * q.size());
        List<DecisionSummary> items = jdbc.sql("SELECT decision_id, decided_at, mode, caller, api, decision, clause,"
                        + " app_id, categories, rules_version FROM decision_record" + where
                        + " ORDER BY decided_at DESC, decision_id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(this::summary).list();
        return new Page(items, q.page(), q.size(), total);
    }

    /**
     * One page of the decisions of a period, oldest first, after the given record (null: from the start):
     * keyset paging, so a long replay never holds more than a page.
     */
    public List<DecisionRecord> between(Instant from, Instant to, DecisionRecord after, int size) {
        String sql = "SELECT * FROM decision_record WHERE decided_at >= :from AND decided_at < :to"
                + (after == null ? "" : " AND (decided_at > :afterAt OR (decided_at = :afterAt AND decision_id > :afterId))")
                + " ORDER BY decided_at, decision_id LIMIT :size";
        var query = jdbc.sql(sql).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("size", size);
        if (after != null) {
            query = query.param("afterAt", Timestamp.from(after.decidedAt())).param("afterId", after.decisionId());
        }
        return query.query(this::record).list();
    }

    /** Deletes the records of a mode older than the cut-off; returns how many. */
    public int purge(Mode mode, Instant olderThan) {
        return jdbc.sql("DELETE FROM decision_record WHERE mode = :mode AND decided_at < :cutoff")
                .param("mode", mode.name()).param("cutoff", Timestamp.from(olderThan)).update();
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String name, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.put(name, value);
        }
    }

    /** LIKE wildcards in a filter value match themselves (H2 and PostgreSQL both escape with backslash). */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private DecisionRecord record(ResultSet rs, int row) throws SQLException {
        try {
            return new DecisionRecord(rs.getString("decision_id"), rs.getTimestamp("decided_at").toInstant(),
                    Mode.valueOf(rs.getString("mode")), rs.getString("caller"), rs.getString("api"),
                    rs.getString("decision"), rs.getString("clause"), rs.getString("app_id"),
                    rs.getString("rules_version"), json.readTree(rs.getString("request_json")),
                    json.readTree(rs.getString("decision_json")));
        } catch (JsonProcessingException e) {
            throw new SQLException("stored JSON of " + rs.getString("decision_id") + " is unreadable", e);
        }
    }

    private DecisionSummary summary(ResultSet rs, int row) throws SQLException {
        List<String> categories = new ArrayList<>(Arrays.asList(rs.getString("categories").split("\\|")));
        categories.removeIf(String::isEmpty);
        return new DecisionSummary(rs.getString("decision_id"), rs.getTimestamp("decided_at").toInstant(),
                Mode.valueOf(rs.getString("mode")), rs.getString("caller"), rs.getString("api"),
                rs.getString("decision"), rs.getString("clause"), rs.getString("app_id"), categories,
                rs.getString("rules_version"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
