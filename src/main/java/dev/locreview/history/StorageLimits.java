package dev.locreview.history;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Storage per pre-checking client and UTC day (records' request + decision JSON, UTF-8): anonymous
 * clients by address, developer keys by name. Reviewers are not limited; their records are the audit.
 */
@ConfigurationProperties("locreview.storage")
public record StorageLimits(@DefaultValue("2MB") DataSize precheckBytesPerDay) {
}
