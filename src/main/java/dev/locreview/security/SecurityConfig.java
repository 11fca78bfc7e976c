package dev.locreview.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import dev.locreview.support.Problems;


/**
 * Who may do what. Pre-checks, the vocabulary, the rule listing, the pages and the API documents are
 * open; the history, batch review, health details and metrics need the REVIEWER role; reloading and previewing
 * rules and their versions need RULES_ADMIN (apart from REVIEWER, so a reviewer's key cannot change what the service
 * runs); the keys in the store need KEYS_ADMIN.
 */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, KeyRing keys, RateLimits limits) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new AnonymousBulkhead(limits.concurrent()), ApiKeyFilter.class)
                .headers(headers -> headers
                        // The pages load only their own scripts, styles and images: no inline code, no framing;
                        // blob: is the console's batch result file, made in the page.
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data:; connect-src 'self' blob:; object-src 'none'; "
                                + "base-uri 'none'; "
                                + "form-action 'self'; frame-ancestors 'none'"))
                        // The pre-check page keeps the 申请原因 in its URL: it must not leave in a Referer.
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/reviews").permitAll()
                        .requestMatchers("/api/v1/reviews/**", "/api/v1/reviews").hasRole(ApiKeys.REVIEWER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/rules/**").hasRole(ApiKeys.RULES_ADMIN)
                        .requestMatchers("/api/v1/rules/versions", "/api/v1/rules/versions/**").hasRole(ApiKeys.RULES_ADMIN)
                        .requestMatchers("/api/v1/keys", "/api/v1/keys/**").hasRole(ApiKeys.KEYS_ADMIN)
                        // Health answers everyone (details only to reviewers); metrics show traffic: reviewers only.
                        .requestMatchers(EndpointRequest.to("prometheus", "metrics")).hasRole(ApiKeys.REVIEWER)
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> Problems.write(response,
                                HttpStatus.UNAUTHORIZED, "Reviewer key required",
                                "this needs a reviewer API key in the X-API-Key header", "X-API-Key"))
                        .accessDeniedHandler((request, response, ex) -> {
                            String uri = request.getRequestURI();
                            String role = uri.startsWith("/api/v1/rules/") ? ApiKeys.RULES_ADMIN
                                    : uri.startsWith("/api/v1/keys") ? ApiKeys.KEYS_ADMIN : ApiKeys.REVIEWER;
                            Problems.write(response, HttpStatus.FORBIDDEN, "Role " + role + " required",
                                    "the API key presented does not have the " + role + " role", "X-API-Key");
                        }));
        return http.build();
    }

    /** A request the firewall refuses (`//`, `%2e%2e`, `;`, …) is a 400 problem, like every other refusal. */
    @Bean
    RequestRejectedHandler problemOnRejection() {
        return (request, response, e) -> Problems.write(response, HttpStatus.BAD_REQUEST, "Request rejected",
                e.getMessage(), "path");
    }

    /** No users or passwords: keys only. Declared so Boot does not generate a default password. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }
}
