package dev.locreview.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.locreview.HttpTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages and their assets forbid inline and foreign code and do not leak the URL (which holds the 申请原因). */
class SecurityHeadersTest extends HttpTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/console", "/index.html", "/js/common.js", "/css/app.css", "/api/v1/ping"})
    void everyAnswerCarriesCspAndReferrerPolicy(String path) throws Exception {
        HttpResponse<String> reply = HTTP.send(getRequest(path).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        String csp = reply.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "object-src 'none'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(reply.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }
}
