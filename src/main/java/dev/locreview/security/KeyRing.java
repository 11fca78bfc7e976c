package dev.locreview.security;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.locreview.fleet.StoreEvents;

/**
 * The keys a request may present: the bootstrap keys of the properties, and the store's, held here and
 * re-read whenever StoreEvents says they changed (at once on PostgreSQL, within the poll interval on H2),
 * so a request costs no query. While the store is unreachable the last keys read stay in force.
 */
@Component
public class KeyRing {

    private final Map<String, ApiKeys.Key> bootstrap;
    private final StoredKeys stored;
    private volatile Map<String, ApiKeys.Key> valid;

    public KeyRing(ApiKeys keys, StoredKeys stored, StoreEvents events) {
        this.bootstrap = keys.byHash();
        this.stored = stored;
        this.valid = stored.valid();
        events.subscribe(StoreEvents.Topic.KEYS, this::refresh);
    }

    public Optional<ApiKeys.Key> find(String sha256) {
        ApiKeys.Key key = bootstrap.get(sha256);
        return Optional.ofNullable(key != null ? key : valid.get(sha256));
    }

    /** Re-reads the store's keys (after this instance changed them, or was told another did). */
    public void refresh() {
        valid = stored.valid();
    }
}
