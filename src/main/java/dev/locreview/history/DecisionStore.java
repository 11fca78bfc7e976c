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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.locreview.review.Decision;
import dev.locreview.review.ReviewRequest;

/** The decision records, in H2 or PostgreSQL through plain SQL (schema by Flyway, db/migration). */
@Repository
public class DecisionStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public DecisionStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores one decision; returns once it is committed. */
    public void save(ReviewRequest request, Decision decision, Mode mode, String caller) {
        jdbc.sql("""
                INSERT INTO decision_record (decision_id, decided_at, mode, caller, api, decision, clause, app_id,
                    categories, clauses, rules_version, request_json, decision_json)
                VALUES (:id, :at, :mode, :caller, :api, :decision, :clause, :appId, :categories, :clauses, :version,
                    :request, :result)""")
                .param("id", decision.decisionId())
                .param("at", Timestamp.from(decision.decidedAt()))
                .param("mode", mode.name())
                .param("caller", caller)
                .param("api", decision.api())
                .param("decision", decision.decision().name())
                .param("clause", decision.clause())
                .param("appId", request.appId())
                .param("categories", "|" + String.join("|", decision.application().categories()) + "|")
                .param("clauses", "|" + String.join("|", decision.reasons().stream().map(Decision.Reason::clause)
                        .distinct().toList()) + "|")
                .param("version", decision.rulesVersion())
                .param("request", write(request))
                .param("result", write(decision))
                .update();
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

    /** Every record of a period, oldest first, for replaying against a candidate rule set. */
    public List<DecisionRecord> between(Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT * FROM decision_record WHERE decided_at >= :from AND decided_at < :to"
                        + " ORDER BY decided_at, decision_id LIMIT :limit")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("limit", limit)
                .query(this::record).list();
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
