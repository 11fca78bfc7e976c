package dev.locreview.rules;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** locreview.* settings. */
@ConfigurationProperties("locreview")
public record LocreviewProperties(@DefaultValue("rules") Path rulesDir) {
}
