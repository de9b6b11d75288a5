package gov.onceonly.hub.config;

import gov.onceonly.hub.console.ConsolePaths;
import gov.onceonly.hub.evidence.Ed25519Keys;
import gov.onceonly.hub.security.ClientRateLimits;
import gov.onceonly.hub.security.ClientRegistry;
import gov.onceonly.hub.security.ClientsProperties;
import gov.onceonly.hub.security.DepartmentCallSigner;
import gov.onceonly.hub.security.EncryptionKeys;
import gov.onceonly.hub.security.EncryptionProperties;
import gov.onceonly.hub.security.LoginThrottle;
import gov.onceonly.hub.security.LoginThrottleFilter;
import gov.onceonly.hub.security.OperatorAccount;
import gov.onceonly.hub.security.PayloadCipher;
import gov.onceonly.hub.security.ProblemResponses;
import gov.onceonly.hub.security.RegisteredClient;
import gov.onceonly.hub.security.RejectedUrls;
import gov.onceonly.hub.security.SecurityProperties;
import gov.onceonly.hub.security.SeenNonces;
import gov.onceonly.hub.security.SignedRequestFilter;
import gov.onceonly.hub.security.SigningProperties;
import gov.onceonly.hub.schedule.PeriodicJobs;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

import java.time.Clock;
import java.time.Duration;

/**
 * Who may reach what. Accounts ({@link OperatorAccount}: form login for a browser, HTTP Basic for scripts and the
 * scraper) guard the ops endpoints, Hawtio and Jolokia (operator) and the metrics and health details (viewer); the
 * liveness and readiness probes answer anyone, with a status and nothing else; every other API call is signed by a
 * registered client ({@link SignedRequestFilter}), but for the public catalogue and OpenAPI document. The console
 * ({@code /console/**}) is a chain of its own, before the rest: a login form, a session, CSRF on every POST.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    private static final String[] OPERATOR_ONLY = {"/api/v1/ops/**", "/api/v1/supervision/**", "/actuator/hawtio/**",
            "/actuator/jolokia/**"};
    private static final String[] JOLOKIA_READS = {"/actuator/jolokia", "/actuator/jolokia/version/**",
            "/actuator/jolokia/read/**", "/actuator/jolokia/list/**", "/actuator/jolokia/search/**"};
    private static final String CHANNEL = RegisteredClient.Role.CHANNEL.name();
    private static final String DEPARTMENT = RegisteredClient.Role.DEPARTMENT.name();

    /**
     * The supervisors' and operators' console: a viewer reads its pages, an operator also acts (replay). Its own login
     * page (in Chinese, throttled like every login), redirects rather than problems, and a content security policy
     * that lets a page load nothing but the hub's own stylesheet and images: the pages have no script at all.
     */
    @Bean
    @Order(1)
    SecurityFilterChain consoleSecurity(HttpSecurity http, LoginThrottle loginThrottle) throws Exception {
        http.securityMatcher(ConsolePaths.ALL)
                .addFilterBefore(new LoginThrottleFilter(loginThrottle, ConsolePaths.LOGIN,
                        ConsolePaths.LOGIN + "?throttled"),
                        UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ConsolePaths.LOGIN, ConsolePaths.STATIC).permitAll()
                        .requestMatchers(HttpMethod.POST, ConsolePaths.ALL).hasRole(OperatorAccount.Role.OPERATOR.name())
                        .anyRequest().hasRole(OperatorAccount.Role.VIEWER.name()))
                .formLogin(login -> login.loginPage(ConsolePaths.LOGIN).defaultSuccessUrl(ConsolePaths.HOME, false))
                .logout(logout -> logout.logoutUrl(ConsolePaths.LOGOUT).logoutSuccessUrl(ConsolePaths.LOGIN + "?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; style-src 'self'; "
                                + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain hubSecurity(HttpSecurity http, LoginThrottle loginThrottle, ClientRegistry clients,
                                    SeenNonces nonces, Clock clock, SecurityProperties security) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        // The clients' signature is an authentication filter of this chain (not a servlet filter of its own), after
        // the body size limit (which it relies on, HubConfiguration) and before anything reads the body.
        SignedRequestFilter signedRequests = new SignedRequestFilter(clients, nonces, new ClientRateLimits(),
                new SignedRequestFilter.AddressLimit(security.addressLimit().requestsPerSecond(),
                        security.addressLimit().burst()),
                clock, security.signatureWindow());
        http.addFilterBefore(signedRequests, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new LoginThrottleFilter(loginThrottle), UsernamePasswordAuthenticationFilter.class)
                // Who may use what, in one place: roles are authorities (accounts: VIEWER < OPERATOR < ADMIN; signed
                // clients: CHANNEL, DEPARTMENT). Which object a client may touch is checked where the object is read.
                .authorizeHttpRequests(requests -> requests
                        // A viewer reads Jolokia over GET (read, list, search, version), never writes or executes;
                        // Hawtio, which POSTs, is an operator's. jolokia-access.xml denies diagnostic and send
                        // operations to everyone.
                        .requestMatchers(HttpMethod.GET, JOLOKIA_READS).hasRole(OperatorAccount.Role.VIEWER.name())
                        .requestMatchers(OPERATOR_ONLY).hasRole(OperatorAccount.Role.OPERATOR.name())
                        // Metrics name departments, bundles and volumes: for the scraper's viewer account only.
                        .requestMatchers("/actuator/prometheus").hasRole(OperatorAccount.Role.VIEWER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/applications").hasRole(CHANNEL)
                        .requestMatchers(HttpMethod.POST, "/api/v1/applications/*/items/*/status").hasRole(DEPARTMENT)
                        .requestMatchers(HttpMethod.POST, "/api/v1/applications/*/withdrawal",
                                "/api/v1/applications/*/materials").hasRole(CHANNEL)
                        .requestMatchers(HttpMethod.POST, "/api/v1/applications/*/rating").hasRole(CHANNEL)
                        .requestMatchers("/api/v1/applications/*/receipt", "/api/v1/subjects/**").hasRole(CHANNEL)
                        // 整改: the department answers its cases, the applicant's channel reports the callback (回访).
                        .requestMatchers(HttpMethod.POST, "/api/v1/rectifications/*/callback").hasRole(CHANNEL)
                        .requestMatchers("/api/v1/rectifications", "/api/v1/rectifications/**").hasRole(DEPARTMENT)
                        .requestMatchers("/api/v1/applications/**").hasAnyRole(CHANNEL, DEPARTMENT)
                        .requestMatchers("/api/v1/proposals/**").hasRole(CHANNEL)
                        .anyRequest().permitAll())
                .formLogin(login -> login.defaultSuccessUrl("/actuator/hawtio/", false))
                .httpBasic(Customizer.withDefaults())
                // API callers authenticate each request and hold no session to abuse. Hawtio's Jolokia calls do ride
                // on the login session; its cookie is SameSite=Strict (server.servlet.session.cookie.same-site), so
                // no other site's page can send them.
                .csrf(csrf -> csrf.ignoringRequestMatchers(new AntPathRequestMatcher("/api/**"),
                        new AntPathRequestMatcher("/actuator/jolokia/**"), new AntPathRequestMatcher("/actuator/hawtio/jolokia/**"),
                        new RequestHeaderRequestMatcher("Authorization")))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, new AntPathRequestMatcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(problems, new RequestHeaderRequestMatcher("Authorization"))
                        .defaultAccessDeniedHandlerFor(problems, new AntPathRequestMatcher("/api/**")))
                // Hawtio shows itself in a frame of its own pages.
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    /** Spring Security's firewall's refusals as problems (Spring Security picks the bean up). */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new RejectedUrls();
    }

    /**
     * Named for the http route templates: {@code ref: departmentCallSigner}. Every call is signed: without a key (in
     * the sandbox only; production refuses to start, ProductionModeGuard) the hub makes one for its lifetime.
     */
    @Bean
    DepartmentCallSigner departmentCallSigner(SigningProperties signing, Clock clock) {
        String key = signing.privateKey().strip();
        if (key.isEmpty()) {
            LoggerFactory.getLogger(DepartmentCallSigner.class).warn("hub.signing.private-key is empty: the hub signs its"
                    + " department calls with a key of this run's only; departments that pinned another refuse them");
            key = Ed25519Keys.generate();
        }
        try {
            return new DepartmentCallSigner(signing.keyId(), Ed25519Keys.privateKey(key), clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("hub.signing.private-key (HUB_SIGNING_PRIVATE_KEY): " + e.getMessage(), e);
        }
    }

    @Bean
    PayloadCipher payloadCipher(EncryptionProperties encryption) {
        return EncryptionKeys.from(encryption);
    }

    /** A client bound to a certificate needs a server that asks for one: Spring's server.ssl.client-auth. */
    @Bean
    ClientRegistry clientRegistry(ClientsProperties clients, Environment env) {
        return ClientRegistry.from(clients, env.getProperty("server.ssl.client-auth", "none"));
    }

    /** Nonces older than twice the window are pruned: the timestamp check refuses such requests anyway. */
    @Bean(destroyMethod = "close")
    SeenNonces seenNonces(JdbcTemplate jdbc, PeriodicJobs jobs, SecurityProperties security) {
        return new SeenNonces(jdbc).pruneEvery(jobs, Duration.ofMinutes(1), security.signatureWindow().multipliedBy(2));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return OperatorAccount.passwordEncoder();
    }

    @Bean
    UserDetailsService operators(SecurityProperties security, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(OperatorAccount.all(security, encoder));
    }

    /** Failed logins per account and per address (hub.security.login-throttle.*), fed by Spring Security's events. */
    @Bean
    LoginThrottle loginThrottle(SecurityProperties security, Clock clock) {
        SecurityProperties.LoginThrottle throttle = security.loginThrottle();
        return new LoginThrottle(throttle.perAccount(), throttle.perAddress(), throttle.window(), clock);
    }

    @Bean
    ApplicationListener<AuthenticationFailureBadCredentialsEvent> failedLogins(LoginThrottle throttle) {
        return event -> throttle.failed(event.getAuthentication().getName(),
                event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                        ? details.getRemoteAddress() : null);
    }

    /** Spring Security's checks (hasRole) use it: an admin passes an operator's check, an operator a viewer's. */
    @Bean
    RoleHierarchy roleHierarchy() {
        return OperatorAccount.hierarchy();
    }
}
