package dev.locreview.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.locreview.fleet.StoreEvents;
import dev.locreview.rules.RuleVersions;
import dev.locreview.rules.RulesPreloader;
import dev.locreview.security.StoredKeys;

/**
 * The store the service is configured with — application.properties, config/, SPRING_DATASOURCE_* or
 * --spring.datasource.* arguments, as the server reads them —, migrated, without the server: for the keys
 * and rule set version commands. On H2 the service must be stopped (it holds the file); on PostgreSQL it may run.
 */
final class Store {

    private Store() {
    }

    static <B, T> T with(List<String> springArguments, Class<B> bean, Function<B, T> work) {
        // The sources are named here rather than by an annotated class, which the server's scan would pick up.
        SpringApplicationBuilder builder = new SpringApplicationBuilder(DataSourceAutoConfiguration.class,
                FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
                StoreEvents.class, StoredKeys.class, RuleVersions.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).properties(Map.of("spring.main.banner-mode", "off",
                        "logging.level.root", "WARN"));
        // The rules are not needed here: leave out the listener that starts compiling them.
        builder.application().setListeners(builder.application().getListeners().stream()
                .filter(listener -> !(listener instanceof RulesPreloader)).toList());
        try (ConfigurableApplicationContext context = builder.run(springArguments.toArray(String[]::new))) {
            return work.apply(context.getBean(bean));
        }
    }
}
