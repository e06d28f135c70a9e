package org.followthrough.team;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors. The API ({@code /api/**}, actuator) is stateless: HTTP Basic or a Bearer token, no
 * cookies, so no CSRF. The web UI signs in with a form, keeps a session cookie (HttpOnly, SameSite)
 * and requires a CSRF token on every change. Only health and the paths modules declare as
 * {@link PublicPaths} (they carry their own signatures) are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(PasswordSettings.class)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                    + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    @Bean
    PasswordEncoder passwordEncoder(PasswordSettings settings) {
        var strength = settings.bcryptStrength();
        // bcrypt today; the {id} prefix lets a later version move to another encoder without a reset
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, List<PublicPaths> publicPaths) throws Exception {
        var open = patterns(publicPaths);
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(open)
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAnyRole("ADMIN", "MANAGER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/users")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.authenticationEntryPoint(ProblemResponses.unauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .addFilterBefore(
                        new BearerTokenFilter(tokens, ProblemResponses.unauthorized()), BasicAuthenticationFilter.class)
                .headers(h ->
                        h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, List<PublicPaths> publicPaths, Members members, KnownDevices devices)
            throws Exception {
        var open = patterns(publicPaths);
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/error")
                        .permitAll()
                        .requestMatchers(open)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // the page a stranger asked for travels in a cookie, not in a server session per request
                .requestCache(c -> c.requestCache(SignInFirst.pagesToReturnTo()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new SignInFirst()))
                .formLogin(f -> f.loginPage("/login")
                        .failureHandler(new SignInFailure())
                        .successHandler(devices.rememberingTheDevice())
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("FOLLOWTHROUGH_SESSION"))
                .httpBasic(b -> b.authenticationEntryPoint(ProblemResponses.unauthorized()))
                .addFilterBefore(
                        new ActiveMembersOnly(members),
                        org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static String[] patterns(List<PublicPaths> publicPaths) {
        var all = publicPaths.stream().flatMap(p -> p.patterns().stream()).toList();
        return all.isEmpty() ? new String[] {"/__nothing_is_public__"} : all.toArray(String[]::new);
    }
}
