package dev.locreview.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.annotation.PreDestroy;

import dev.locreview.engine.Decision;
import dev.locreview.engine.ReviewRequest;
import dev.locreview.security.Mode;

/** The decision records, in H2 or PostgreSQL through plain SQL (schema by Flyway, db/migration). */
@Repository
public class DecisionStore {

    private static final Logger log = LoggerFactory.getLogger(DecisionStore.class);

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
                rules_version, request_json, decision_json, client, stored_bytes, idempotency_key, item_index,
                body_hash, verdict, confidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_CATEGORY =
            "INSERT INTO decision_category (decision_id, ordinal, category) VALUES (?, ?, ?)";
    private static final String INSERT_CLAUSE = "INSERT INTO decision_clause (decision_id, clause) VALUES (?, ?)";
    /** The columns' sizes (V1, V2 migrations): a record that would not fit is refused before it is queued. */
    static final int MAX_REQUEST_JSON = 200_000;
    static final int MAX_DECISION_JSON = 400_000;
    private static final int MAX_GROUP = 256;

    /** A decision's rows waiting for the writer, and the signal that they are committed. */
    private record Pending(String decisionId, Object[] row, List<Object[]> categories, List<Object[]> clauses,
                           CompletableFuture<Void> committed) {
    }

    /** The last failure to write, until a write succeeds again: the store's health. */
    private volatile String writeFailure;

    /**
     * Stores one decision and returns once it is committed. Concurrent saves are committed together
     * (group commit by one writer thread): one transaction, and one write of the store, for all of them.
     * Stored: the request once, the decision compacted (CompactDecision), both as compact JSON.
     *
     * @param decisionTree the decision as returned (left unchanged)
     * @param client whose storage this counts against (null: nobody's)
     * @param idempotency the request's key (null: none)
     * @return the record's stored bytes (the storage cap's measure)
     * @throws StoreException when it was not stored
     */
    public int save(ReviewRequest request, Decision decision, JsonNode decisionTree, Mode mode, String caller,
                    String client, Idempotency idempotency) {
        JsonNode requestTree = json.valueToTree(request);
        String requestJson = requestTree.toString();
        String decisionJson = CompactDecision.compact((ObjectNode) decisionTree, requestTree).toString();
        if (requestJson.length() > MAX_REQUEST_JSON || decisionJson.length() > MAX_DECISION_JSON) {
            throw StoreException.refused(decision.decisionId(), new IllegalArgumentException("record of "
                    + requestJson.length() + " + " + decisionJson.length() + " characters is larger than the columns"));
        }
        String id = decision.decisionId();
        List<String> categories = decision.application().categories();
        List<Object[]> categoryRows = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            categoryRows.add(new Object[] {id, i, categories.get(i)});
        }
        List<Object[]> clauseRows = decision.reasons().stream().map(Decision.Reason::clause).filter(Objects::nonNull)
                .distinct().map(clause -> new Object[] {id, clause}).toList();
        int bytes = utf8Length(requestJson) + utf8Length(decisionJson);
        Pending pending = new Pending(id, new Object[] {id, Timestamp.from(decision.decidedAt()), mode.name(), caller,
                decision.api(), decision.decision().name(), decision.clause(), request.appId(), decision.rulesVersion(),
                requestJson, decisionJson, client, bytes,
                idempotency == null ? null : idempotency.key(), idempotency == null ? null : idempotency.index(),
                idempotency == null ? null : idempotency.bodyHash(), decision.outlook().verdict().name(),
                decision.confidence().level().name()},
                categoryRows, clauseRows,
                new CompletableFuture<>());
        if (!running) {
            throw StoreException.unavailable(new IllegalStateException("the decision store is shut down"));
        }
        queue.add(pending);
        try {
            pending.committed().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StoreException.unavailable(e);
        } catch (TimeoutException e) {
            throw StoreException.unavailable(e);
        }
        return bytes;
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
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    /**
     * One transaction for the group. When the store refuses a row (a constraint, a value too long), the rows
     * are committed one by one so only the offending one fails; when it cannot write at all, all fail.
     */
    private void commit(List<Pending> group) {
        try {
            transactions.executeWithoutResult(status -> {
                jdbcTemplate.batchUpdate(INSERT, group.stream().map(Pending::row).toList());
                jdbcTemplate.batchUpdate(INSERT_CATEGORY, group.stream().flatMap(p -> p.categories().stream()).toList());
                jdbcTemplate.batchUpdate(INSERT_CLAUSE, group.stream().flatMap(p -> p.clauses().stream()).toList());
            });
        } catch (DataIntegrityViolationException e) {
            if (group.size() > 1) {
                group.forEach(p -> commit(List.of(p)));
            } else {
                Pending refused = group.get(0);
                log.warn("decision {} not stored: the store refused its record ({})", refused.decisionId(),
                        e.getMostSpecificCause().getMessage());
                refused.committed().completeExceptionally(e instanceof DuplicateKeyException
                        ? e : StoreException.refused(refused.decisionId(), e));
            }
            return;
        } catch (RuntimeException e) {
            writeFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("the decision store cannot write; {} decisions not stored", group.size(), e);
            StoreException failure = StoreException.unavailable(e);
            group.forEach(p -> p.committed().completeExceptionally(failure));
            return;
        }
        writeFailure = null;
        group.forEach(p -> p.committed().complete(null));
    }

    /** Empty while writes succeed; else the last failure to write, until a write succeeds again. */
    public Optional<String> writeFailure() {
        return Optional.ofNullable(writeFailure);
    }

    /**
     * Whether the store takes writes: an UPDATE of no row (it needs the connection, the table and the right
     * to write), rolled back. Clears the failure when it succeeds, so health recovers without traffic.
     */
    public boolean probeWrite() {
        try {
            transactions.executeWithoutResult(status -> {
                jdbcTemplate.update("UPDATE decision_record SET mode = mode WHERE decision_id = ''");
                status.setRollbackOnly();
            });
            writeFailure = null;
            return true;
        } catch (RuntimeException e) {
            writeFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            return false;
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
        filter(where, params, "category", "EXISTS (SELECT 1 FROM decision_category c WHERE c.decision_id ="
                + " r.decision_id AND c.category LIKE :category)", q.category() == null ? null
                : escape(q.category()) + "%");
        filter(where, params, "rule", "EXISTS (SELECT 1 FROM decision_clause k WHERE k.decision_id = r.decision_id"
                + " AND k.clause = :rule)", q.rule());
        filter(where, params, "mode", "mode = :mode", q.mode() == null ? null : q.mode().name());
        filter(where, params, "verdict", "verdict = :verdict", q.verdict());
        filter(where, params, "confidence", "confidence = :confidence", q.confidence());
        filter(where, params, "from", "decided_at >= :from", q.from() == null ? null : Timestamp.from(q.from()));
        filter(where, params, "to", "decided_at < :to", q.to() == null ? null : Timestamp.from(q.to()));
        long total = jdbc.sql("SELECT COUNT(*) FROM decision_record r" + where).params(params).query(Long.class).single();
        params.put("limit", q.size());
        params.put("offset", (long) q.page() * q.size());
        List<DecisionSummary> items = jdbc.sql("SELECT decision_id, decided_at, mode, caller, api, decision, clause,"
                        + " app_id, rules_version, verdict, confidence FROM decision_record r" + where
                        + " ORDER BY decided_at DESC, decision_id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(this::summary).list();
        if (!items.isEmpty()) {
            Map<String, List<String>> categories = new HashMap<>();
            jdbc.sql("SELECT decision_id, category FROM decision_category WHERE decision_id IN (:ids)"
                            + " ORDER BY decision_id, ordinal")
                    .param("ids", items.stream().map(DecisionSummary::decisionId).toList())
                    .query((rs, n) -> categories.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(rs.getString(2)))
                    .list();
            items.forEach(item -> item.categories().addAll(categories.getOrDefault(item.decisionId(), List.of())));
        }
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
            JsonNode request = json.readTree(rs.getString("request_json"));
            return new DecisionRecord(rs.getString("decision_id"), rs.getTimestamp("decided_at").toInstant(),
                    Mode.valueOf(rs.getString("mode")), rs.getString("caller"), rs.getString("api"),
                    rs.getString("decision"), rs.getString("clause"), rs.getString("app_id"),
                    rs.getString("rules_version"), request,
                    CompactDecision.expand((ObjectNode) json.readTree(rs.getString("decision_json")), request));
        } catch (JsonProcessingException e) {
            throw new SQLException("stored JSON of " + rs.getString("decision_id") + " is unreadable", e);
        }
    }

    private DecisionSummary summary(ResultSet rs, int row) throws SQLException {
        return new DecisionSummary(rs.getString("decision_id"), rs.getTimestamp("decided_at").toInstant(),
                Mode.valueOf(rs.getString("mode")), rs.getString("caller"), rs.getString("api"),
                rs.getString("decision"), rs.getString("clause"), rs.getString("app_id"), new ArrayList<>(),
                rs.getString("rules_version"), rs.getString("verdict"), rs.getString("confidence"));
    }

    /** Stored bytes of a client's records decided in [from, until) — until null: to now (the storage cap's measure). */
    public long storedBytesBetween(String client, Instant from, Instant until) {
        if (until != null && !until.isAfter(from)) {
            return 0;
        }
        var query = jdbc.sql("SELECT COALESCE(SUM(stored_bytes), 0) FROM decision_record WHERE client = :client"
                        + " AND decided_at >= :from" + (until == null ? "" : " AND decided_at < :until"))
                .param("client", client).param("from", Timestamp.from(from));
        return (until == null ? query : query.param("until", Timestamp.from(until))).query(Long.class).single();
    }

    /** A decision stored under an Idempotency-Key: its place in the request and the body it came in. */
    public record Keyed(int index, String bodyHash, String decisionId) {
    }

    /** What a client stored under an Idempotency-Key, in request order. */
    public List<Keyed> keyed(String client, String key) {
        return jdbc.sql("SELECT item_index, body_hash, decision_id FROM decision_record WHERE client = :client"
                        + " AND idempotency_key = :key ORDER BY item_index")
                .param("client", client).param("key", key)
                .query((rs, n) -> new Keyed(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
