package dev.locreview.rules;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** locreview.* settings. */
@ConfigurationProperties("locreview")
public record LocreviewProperties(@DefaultValue("rules") Path rulesDir, @DefaultValue("casebook") Path casebookDir,
                                  @DefaultValue Budget rules) {

    /**
     * What a candidate rule set may take: the whole casebook gate, or the whole preview replay, must end
     * within the time budget; a preview replays at most so many stored decisions.
     */
    public record Budget(@DefaultValue("PT2M") Duration timeBudget,
                         @DefaultValue("10000") int previewMaxDecisions) {
    }
}
