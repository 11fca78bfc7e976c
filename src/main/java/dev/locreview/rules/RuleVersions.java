package dev.locreview.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.locreview.fleet.StoreEvents;

/**
 * The rule sets in the store (V4 migration): every uploaded version as a zip of its rules folder, and the
 * activations in order, the last of which every instance answers with.
 */
@Repository
public class RuleVersions {

    private final JdbcClient jdbc;
    private final StoreEvents events;

    public RuleVersions(JdbcClient jdbc, StoreEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public record Version(String version, int rules, String uploadedBy, Instant uploadedAt) {
    }

    public record Activation(long id, String version, String activatedBy, Instant activatedAt) {
    }

    public Optional<Activation> active() {
        return jdbc.sql("SELECT id, version, activated_by, activated_at FROM rule_set_activation ORDER BY id DESC "
                + "FETCH FIRST 1 ROWS ONLY").query(RuleVersions::activation).optional();
    }

    /** The latest activations, newest first. */
    public List<Activation> activations(int limit) {
        return jdbc.sql("SELECT id, version, activated_by, activated_at FROM rule_set_activation ORDER BY id DESC "
                + "FETCH FIRST ? ROWS ONLY").param(limit).query(RuleVersions::activation).list();
    }

    /** Every version, newest upload first. */
    public List<Version> list() {
        return jdbc.sql("SELECT version, rule_count, uploaded_by, uploaded_at FROM rule_set_version "
                        + "ORDER BY uploaded_at DESC, version")
                .query((rs, n) -> new Version(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /** The version uploaded last, if any. */
    public Optional<String> latest() {
        return jdbc.sql("SELECT version FROM rule_set_version ORDER BY uploaded_at DESC, version FETCH FIRST 1 ROWS ONLY")
                .query(String.class).optional();
    }

    public Optional<byte[]> bundle(String version) {
        return jdbc.sql("SELECT bundle FROM rule_set_version WHERE version = ?").param(version)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /**
     * Stores a version and tells every instance, so each can compile it before it is activated; false when it is
     * already stored (the same content, so the same version).
     */
    public boolean add(String version, byte[] bundle, int rules, String by) {
        try {
            jdbc.sql("INSERT INTO rule_set_version (version, bundle, rule_count, uploaded_by, uploaded_at) "
                    + "VALUES (?, ?, ?, ?, ?)").params(version, bundle, rules, by, Timestamp.from(Instant.now())).update();
        } catch (DuplicateKeyException stored) {
            return false;
        }
        events.publish(StoreEvents.Topic.RULES);
        return true;
    }

    /** Makes a stored version the active one and tells every instance. */
    public Activation activate(String version, String by) {
        jdbc.sql("INSERT INTO rule_set_activation (version, activated_by, activated_at) VALUES (?, ?, ?)")
                .params(version, by, Timestamp.from(Instant.now())).update();
        events.publish(StoreEvents.Topic.RULES);
        return active().orElseThrow();
    }

    /**
     * The first instance on an empty store makes its rules folder the first version. Instances starting at once
     * on an empty store may each activate theirs (the same version, from the same folder); all follow the last.
     */
    public Activation seed(String version, byte[] bundle, int rules) {
        add(version, bundle, rules, "seed");
        jdbc.sql("INSERT INTO rule_set_activation (version, activated_by, activated_at) SELECT ?, 'seed', ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM rule_set_activation)")
                .params(version, Timestamp.from(Instant.now())).update();
        return active().orElseThrow();
    }

    private static Activation activation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Activation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant());
    }
}
