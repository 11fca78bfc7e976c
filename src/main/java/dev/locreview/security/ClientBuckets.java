package dev.locreview.security;

import java.util.function.Function;
import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import dev.locreview.fleet.StoreEvents;

/**
 * The token bucket of each anonymous client. On PostgreSQL the buckets are rows of rate_limit_bucket
 * (bucket4j's proxy manager, one SELECT ... FOR UPDATE per call), so every instance of a fleet draws from the
 * same bucket; a bucket idle long enough to be full again is removed. On H2 (one instance) they are in memory,
 * and idle buckets expire (Caffeine) so memory stays bounded.
 */
@Component
public class ClientBuckets {

    private static final int CLEAN_BATCH = 1_000;

    private final Function<String, Bucket> buckets;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;

    public ClientBuckets(RateLimits limits, DataSource dataSource, DataSourceProperties properties) {
        BucketConfiguration configuration = BucketConfiguration.builder().addLimit(Bandwidth.builder()
                .capacity(limits.capacity()).refillGreedy(limits.capacity(), limits.period()).build()).build();
        if (StoreEvents.onPostgres(properties)) {
            shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING).table("rate_limit_bucket").idColumn("id")
                    .stateColumn("state").expiresAtColumn("expires_at")
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            limits.period()))
                    .build();
            buckets = client -> shared.builder().build(client, () -> configuration);
        } else {
            shared = null;
            Cache<String, Bucket> local = Caffeine.newBuilder().maximumSize(100_000)
                    .expireAfterAccess(limits.period().multipliedBy(2)).build();
            buckets = client -> local.get(client, c -> Bucket.builder().addLimit(configuration.getBandwidths()[0])
                    .build());
        }
    }

    /** The client's bucket; on PostgreSQL its calls throw while the store is unreachable. */
    public Bucket of(String client) {
        return buckets.apply(client);
    }

    /** Removes the rows of buckets that are full again (bucket4j set their expiry), a batch at a time. */
    @Scheduled(fixedDelayString = "${locreview.rate-limit.clean-every:PT5M}")
    void removeExpired() {
        if (shared != null) {
            while (shared.removeExpired(CLEAN_BATCH) == CLEAN_BATCH) {
                Thread.onSpinWait();
            }
        }
    }
}
