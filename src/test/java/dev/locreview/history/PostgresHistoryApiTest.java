package dev.locreview.history;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same history tests against PostgreSQL (the shared-deployment store). `.ci/run` installs and starts
 * PostgreSQL on loopback and sets LOCREVIEW_TEST_POSTGRES_URL (and _USER, _PASSWORD).
 */
@EnabledIfEnvironmentVariable(named = "LOCREVIEW_TEST_POSTGRES_URL", matches = ".+")
class PostgresHistoryApiTest extends HistoryApiTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getenv("LOCREVIEW_TEST_POSTGRES_URL"));
        registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("LOCREVIEW_TEST_POSTGRES_USER",
                "locreview"));
        registry.add("spring.datasource.password", () -> System.getenv().getOrDefault(
                "LOCREVIEW_TEST_POSTGRES_PASSWORD", "locreview"));
    }
}
