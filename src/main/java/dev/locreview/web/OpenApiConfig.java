package dev.locreview.web;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's header and the reviewer key scheme (served at /v3/api-docs, /swagger-ui.html). */
@Configuration
@OpenAPIDefinition(info = @Info(title = "locreview",
        description = "Review WeChat mini-program location API access applications against the policy rules",
        version = "v1"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-API-Key")
public class OpenApiConfig {
}
