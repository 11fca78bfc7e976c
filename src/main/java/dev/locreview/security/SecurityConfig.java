package dev.locreview.security;

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
import dev.locreview.support.Problems;


/**
 * Who may do what. Pre-checks, the vocabulary, the rule listing, the pages and the API documents are
 * open; the history and batch review need the REVIEWER role; reloading and previewing rules need RULES_ADMIN
 * (apart from REVIEWER, so a reviewer's key cannot change what the service runs).
 */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, RateLimits limits) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limits), ApiKeyFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/reviews").permitAll()
                        .requestMatchers("/api/v1/reviews/**", "/api/v1/reviews").hasRole(ApiKeys.REVIEWER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/rules/**").hasRole(ApiKeys.RULES_ADMIN)
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> Problems.write(response,
                                HttpStatus.UNAUTHORIZED, "Reviewer key required",
                                "this needs a reviewer API key in the X-API-Key header", "X-API-Key"))
                        .accessDeniedHandler((request, response, ex) -> {
                            String role = request.getRequestURI().startsWith("/api/v1/rules/") ? ApiKeys.RULES_ADMIN
                                    : ApiKeys.REVIEWER;
                            Problems.write(response, HttpStatus.FORBIDDEN, "Role " + role + " required",
                                    "the API key presented does not have the " + role + " role", "X-API-Key");
                        }));
        return http.build();
    }

    /** No users or passwords: keys only. Declared so Boot does not generate a default password. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }
}
