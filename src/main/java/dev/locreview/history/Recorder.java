package dev.locreview.history;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.locreview.engine.Decision;
import dev.locreview.engine.ReviewRequest;
import dev.locreview.security.Caller;
import dev.locreview.security.Mode;
import dev.locreview.support.NotFoundException;

/**
 * Records what the engine decided, the way a decision log receives a finished decision: every decision is
 * committed to the store before it is returned, counted in the metrics, and logged without the free text and
 * with the AppID masked. It never decides: the face hands it the engine's call. A request retried with its
 * Idempotency-Key gets the stored answer (and the engine is not called); a pre-checking client over its daily
 * storage is refused.
 */
@Service
public class Recorder {

    private static final Logger log = LoggerFactory.getLogger(Recorder.class);

    private final DecisionStore store;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    private final StorageLimits limits;
    private final Timer latency;
    /** The decisions counter of each outcome, API, clause and mode: looked up in the registry once, not per decision. */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    /**
     * Each pre-checking client's stored bytes today: summed in the store when first needed and counted here
     * between, instead of a SUM query before every pre-check. After {@link #USAGE_RESEED} it is summed again in
     * the background (so other instances' records on a shared store count too) while requests go on with the
     * count they have: a reseed that waited held every pre-check of the client behind one SUM (p99 > 1 s under load).
     * A reseed sums only the records of the last minutes: what is older than {@link #USAGE_SETTLED} is summed once
     * (no commit lands that late), so a busy client's reseed does not grow with its day.
     */
    private final LoadingCache<String, Usage> usage = Caffeine.newBuilder().maximumSize(100_000)
            .refreshAfterWrite(USAGE_RESEED).build(new CacheLoader<>() {
                @Override
                public Usage load(String client) {
                    return seed(client, null);
                }

                @Override
                public Usage reload(String client, Usage old) {
                    return seed(client, old);
                }
            });
    private static final Duration USAGE_RESEED = Duration.ofSeconds(10);
    private static final Duration USAGE_SETTLED = Duration.ofMinutes(1);

    /** The bytes of the client's records today; {@code settled} of those before {@code cutoff}, which are final. */
    private record Usage(Instant dayStart, Instant cutoff, long settled, AtomicLong bytes) {
    }

    public Recorder(DecisionStore store, MeterRegistry metrics, ObjectMapper json, StorageLimits limits) {
        this.store = store;
        this.metrics = metrics;
        this.json = json;
        this.limits = limits;
        this.latency = Timer.builder("locreview.decision.latency").description("Deciding and recording one application")
                .publishPercentileHistogram().register(metrics);
    }

    /** One application, as POST /api/v1/reviews takes it: a retry is the same request under the same key. */
    public JsonNode review(ReviewRequest request, Supplier<Decision> engine, Caller caller, String address,
                           String idempotencyKey) {
        String hash = idempotencyKey == null ? null : Idempotency.sha256(json.valueToTree(request).toString()
                .getBytes(StandardCharsets.UTF_8));
        return decide(request, engine, caller, address, Idempotency.of(idempotencyKey, hash));
    }

    /**
     * The decision as returned to the caller: decided and stored now, or, for an Idempotency-Key already
     * answered, the stored one.
     *
     * @param engine the engine's call that decides this request, made only when there is no stored answer
     * @param address the client's address (the rate limiter's key for anonymous callers)
     * @param idempotency the request's key, or null
     * @throws StoreException when not stored (and so not answered), over the storage cap, or a reused key
     */
    public JsonNode decide(ReviewRequest request, Supplier<Decision> engine, Caller caller, String address,
                           Idempotency idempotency) {
        String client = client(caller, address);
        if (idempotency != null) {
            Optional<JsonNode> stored = replay(client, idempotency);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        Usage used = checkStorage(caller, client);
        return latency.record(() -> {
            Decision decision = engine.get();
            // One tree of the decision: the answer, and what the store compacts.
            JsonNode answer = json.valueToTree(decision);
            try {
                int bytes = store.save(request, decision, answer, caller.mode(), caller.name(), client, idempotency);
                if (used != null) {
                    used.bytes().addAndGet(bytes);
                }
            } catch (DuplicateKeyException e) {
                // the same key and item was stored meanwhile by a concurrent retry: its answer is the answer
                return replay(client, idempotency).orElseThrow(() -> StoreException.refused(decision.decisionId(), e));
            }
            String clause = String.valueOf(decision.clause());
            counters.computeIfAbsent(List.of(decision.decision().name(), decision.api(), clause, caller.mode().name()),
                    k -> Counter.builder("locreview.decisions").description("Decisions by outcome, API and deciding clause")
                            .tag("outcome", k.get(0)).tag("api", k.get(1)).tag("clause", k.get(2)).tag("mode", k.get(3))
                            .register(metrics)).increment();
            if (log.isInfoEnabled()) {
                log.info("decision {} {} {} {} {} app={} by {}", decision.decisionId(), caller.mode(), decision.api(),
                        decision.decision(), decision.clause(), mask(request.appId()), caller.name());
            }
            return answer;
        });
    }

    /**
     * The decisions the client already stored under the key, by their place in the request.
     *
     * @throws StoreException when the key was used with another body
     */
    public Map<Integer, String> answered(Caller caller, String address, Idempotency idempotency) {
        return answered(client(caller, address), idempotency);
    }

    private Map<Integer, String> answered(String client, Idempotency idempotency) {
        List<DecisionStore.Keyed> keyed = store.keyed(client, idempotency.key());
        if (keyed.stream().anyMatch(k -> !k.bodyHash().equals(idempotency.bodyHash()))) {
            throw StoreException.idempotencyConflict(idempotency.key());
        }
        return keyed.stream().collect(Collectors.toMap(DecisionStore.Keyed::index, DecisionStore.Keyed::decisionId));
    }

    /** A stored decision as it was returned. */
    public JsonNode stored(String decisionId) {
        return store.find(decisionId).map(DecisionRecord::result)
                .orElseThrow(() -> new NotFoundException("no decision " + decisionId));
    }

    private Optional<JsonNode> replay(String client, Idempotency idempotency) {
        return Optional.ofNullable(answered(client, idempotency).get(idempotency.index())).map(this::stored);
    }

    /**
     * Over its bytes for the UTC day, a pre-checking client is refused until the next day.
     *
     * @return the client's usage today, to count the record in (null: a reviewer, not limited)
     */
    private Usage checkStorage(Caller caller, String client) {
        if (caller.mode() != Mode.PRECHECK) {
            return null;
        }
        Instant now = Instant.now();
        Instant dayStart = dayStart(now);
        long cap = limits.precheckBytesPerDay().toBytes();
        Usage used = usage.get(client);
        if (!used.dayStart().equals(dayStart)) {
            usage.invalidate(client);
            used = usage.get(client);
        }
        if (used.bytes().get() >= cap) {
            long seconds = Math.max(1, Duration.between(now, dayStart.plus(Duration.ofDays(1))).toSeconds());
            throw StoreException.quota("this client has stored " + cap + " bytes of pre-check records today (UTC),"
                    + " the most a client may; pre-checks resume at 00:00 UTC, in " + seconds
                    + " s, or use a reviewer key", seconds);
        }
        return used;
    }

    /** A client's stored bytes since the start of this UTC day, from the store: after {@code old}, only what is new. */
    private Usage seed(String client, Usage old) {
        Instant now = Instant.now();
        Instant dayStart = dayStart(now);
        boolean sameDay = old != null && old.dayStart().equals(dayStart);
        Instant from = sameDay ? old.cutoff() : dayStart;
        Instant settledUntil = now.minus(USAGE_SETTLED);
        Instant cutoff = settledUntil.isAfter(from) ? settledUntil : from;
        long settled = (sameDay ? old.settled() : 0) + store.storedBytesBetween(client, from, cutoff);
        return new Usage(dayStart, cutoff, settled, new AtomicLong(settled + store.storedBytesBetween(client, cutoff, null)));
    }

    private static Instant dayStart(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whose storage a record counts against: a key's holder by name, an anonymous client by a hash of its address. */
    static String client(Caller caller, String address) {
        if (caller != Caller.ANONYMOUS) {
            return "key:" + caller.name();
        }
        return "address:" + Idempotency.sha256(String.valueOf(address).getBytes(StandardCharsets.UTF_8))
                .substring(0, 32);
    }

    /** wx1234567890abcdef → wx12…ef: enough to tell apps apart in a log, not to name one. */
    static String mask(String appId) {
        if (appId == null || appId.isEmpty()) {
            return "-";
        }
        if (appId.length() <= 6) {
            return "*".repeat(appId.length());
        }
        return appId.substring(0, 4) + "…" + appId.substring(appId.length() - 2);
    }
}
