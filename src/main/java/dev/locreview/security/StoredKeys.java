package dev.locreview.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.locreview.fleet.StoreEvents;

/**
 * The API keys in the store (V4 migration), by SHA-256 only, shared by every instance: created and revoked
 * from the command line or /api/v1/keys; each change is told to every instance (StoreEvents).
 */
@Repository
public class StoredKeys {

    private final JdbcClient jdbc;
    private final StoreEvents events;

    public StoredKeys(JdbcClient jdbc, StoreEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A stored key as listed: its hash's first 12 digits tell keys of one name apart. */
    public record Listed(String name, List<String> roles, String hashPrefix, String createdBy, Instant createdAt,
                         String revokedBy, Instant revokedAt) {
    }

    /** A new key for `name` with `roles` (checked by ApiKeys.problem): the key itself, returned once, never stored. */
    public String create(String name, List<String> roles, String by) {
        String key = ApiKeys.generate();
        jdbc.sql("INSERT INTO api_key (sha256, name, roles, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(ApiKeys.sha256(key), name, String.join(",", roles.stream().distinct().toList()), by,
                        Timestamp.from(Instant.now())).update();
        events.publish(StoreEvents.Topic.KEYS);
        return key;
    }

    /** Revokes every key of that name still valid; how many. */
    public int revoke(String name, String by) {
        int revoked = jdbc.sql("UPDATE api_key SET revoked_by = ?, revoked_at = ? WHERE name = ? AND revoked_at IS NULL")
                .params(by, Timestamp.from(Instant.now()), name).update();
        if (revoked > 0) {
            events.publish(StoreEvents.Topic.KEYS);
        }
        return revoked;
    }

    public List<Listed> list() {
        return jdbc.sql("SELECT name, roles, sha256, created_by, created_at, revoked_by, revoked_at FROM api_key "
                + "ORDER BY created_at, name").query((rs, n) -> new Listed(rs.getString(1), roles(rs.getString(2)),
                rs.getString(3).substring(0, 12), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6),
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant())).list();
    }

    /** The keys not revoked, by hash. */
    public Map<String, ApiKeys.Key> valid() {
        return jdbc.sql("SELECT name, sha256, roles FROM api_key WHERE revoked_at IS NULL")
                .query((rs, n) -> new ApiKeys.Key(rs.getString(1), rs.getString(2), roles(rs.getString(3)))).list()
                .stream().collect(Collectors.toUnmodifiableMap(ApiKeys.Key::sha256, Function.identity()));
    }

    private static List<String> roles(String roles) {
        return List.of(roles.split(","));
    }
}
