package dev.locreview.history;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same history tests against PostgreSQL (the shared-deployment store). `.ci/run` installs and starts
 * PostgreSQL on loopback and sets LOCREVIEW_TEST_POSTGRES_URL (and _USER, _PASSWORD). Elsewhere they run when
 * that variable is set; in CI ({@code LOCREVIEW_CI=true}) always, so a missing database fails instead of skipping.
 */
@EnabledIf("postgresGiven")
class PostgresHistoryApiTest extends HistoryApiTest {

    static boolean postgresGiven() {
        return "true".equals(System.getenv("LOCREVIEW_CI"))
                || !System.getenv().getOrDefault("LOCREVIEW_TEST_POSTGRES_URL", "").isEmpty();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getenv("LOCREVIEW_TEST_POSTGRES_URL"));
        registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("LOCREVIEW_TEST_POSTGRES_USER",
                "locreview"));
        registry.add("spring.datasource.password", () -> System.getenv().getOrDefault(
                "LOCREVIEW_TEST_POSTGRES_PASSWORD", "locreview"));
    }
}
