package dev.locreview.history;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.locreview.security.Mode;

/**
 * Purges what is no longer needed: pre-checks after `precheckDays` (they are a developer's draft),
 * review records after `reviewDays`, never fewer than 180 (reviewers must be able to audit). Logged.
 */
@Component
public class Retention {

    static final int MIN_REVIEW_DAYS = 180;
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    @ConfigurationProperties("locreview.retention")
    public record Settings(@DefaultValue("30") int precheckDays, @DefaultValue("365") int reviewDays) {
    }

    private final DecisionStore store;
    private final Settings settings;

    public Retention(DecisionStore store, Settings settings) {
        if (settings.reviewDays() < MIN_REVIEW_DAYS) {
            throw new IllegalArgumentException("locreview.retention.review-days must be at least " + MIN_REVIEW_DAYS);
        }
        this.store = store;
        this.settings = settings;
    }

    public record Purged(int prechecks, int reviews) {
    }

    @Scheduled(cron = "${locreview.retention.cron:0 17 3 * * *}")
    public Purged purge() {
        return purge(Instant.now());
    }

    public Purged purge(Instant now) {
        Instant precheckCutoff = now.minus(Duration.ofDays(settings.precheckDays()));
        Instant reviewCutoff = now.minus(Duration.ofDays(settings.reviewDays()));
        Purged purged = new Purged(store.purge(Mode.PRECHECK, precheckCutoff), store.purge(Mode.REVIEW, reviewCutoff));
        log.info("retention purge: {} pre-check records before {}, {} review records before {}",
                purged.prechecks(), precheckCutoff, purged.reviews(), reviewCutoff);
        return purged;
    }
}
