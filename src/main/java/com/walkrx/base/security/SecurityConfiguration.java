package com.walkrx.base.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import com.walkrx.base.ui.LoginView;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors: the stateless JSON API (HTTP Basic or a Bearer token) and the Vaadin UI (form login, sessions). Both
 * authenticate through the login throttle ({@link AccountGuard}) and send the security headers.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
// MFA mode of Spring Security's authentication filters; which factors are needed is decided per user
// (clinic policy) by RequiredFactors, not globally, so no authorities are listed here.
@EnableMultiFactorAuthentication(authorities = {})
class SecurityConfiguration {

    /**
     * The UI's Content-Security-Policy. Vaadin needs inline scripts and styles and eval; everything
     * else is locked to this origin, and nobody may frame the app. Tried and refused by Vaadin 25.2
     * (CspBrowserTest's reports, dev and production bundle alike): without {@code 'unsafe-eval'} its client
     * engine cannot run server-sent JavaScript ({@code eval} in the bundle's FlowClient), and
     * {@code base-uri 'none'} blocks the {@code <base href>} every Vaadin page sets for its relative URLs.
     */
    static final String UI_CSP = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; "
            + "font-src 'self' data:; "
            + "connect-src 'self'; "
            + "worker-src 'self' blob:; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'none'; "
            + "report-uri " + CspReports.PATH;

    /** Management endpoints for the operator of the deployment (not a clinic's users). */
    static final String OPERATOR_ENDPOINTS = "/actuator/signinfailures";

    /** The API serves JSON only: nothing may load or frame it. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No Micrometer observation wrapper around every Spring Security filter, authentication and authorization.
     * {@code management.observations.enable.spring.security=false} only turns the observations into no-ops: the
     * {@code ObservationFilterChainDecorator} still wrapped each filter of each request (a context object and two
     * wrapper calls per filter; seen in a JFR profile of the check-in load). These settings skip the wrapping.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Denied @PreAuthorize/@RolesAllowed calls and URL rules become events, which the audit trail records. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiProblemWriter problems, UserDetailsService users,
                                    PasswordEncoder encoder, AccountGuard guard,
                                    ApiTokenAuthenticator tokens) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint() {
            @Override
            public void commence(jakarta.servlet.http.HttpServletRequest request,
                                 jakarta.servlet.http.HttpServletResponse response,
                                 org.springframework.security.core.AuthenticationException authException)
                    throws java.io.IOException {
                if (com.walkrx.base.db.DatabaseUnavailable.isCause(authException)) { // the user could not be loaded
                    response.setHeader("Retry-After", Integer.toString(com.walkrx.base.db.DatabaseUnavailable.RETRY_AFTER_SECONDS));
                    problems.write(response, 503, "Service unavailable", com.walkrx.base.db.DatabaseUnavailable.MESSAGE);
                    return;
                }
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + getRealmName() + "\"");
                if (authException instanceof MfaProblem mfa) {
                    problems.write(response, 401, "Unauthorized", mfa.getMessage(), mfa.code());
                    return;
                }
                problems.write(response, 401, "Unauthorized", "Valid credentials are required.");
            }
        };
        basic.setRealmName("WalkRx");
        http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(new SecondFactorGate(new GuardedAuthenticationProvider(
                        users, new VerifiedCredentialCache(encoder), guard, AccountGuard.Channel.API))))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/activation").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens").permitAll()
                        // an enrolment-only token (and a password-only session) reaches the factor set-up
                        .requestMatchers("/api/v1/me/mfa/**").authenticated()
                        .anyRequest().access(RequiredFactors.fullAccess()))
                .httpBasic(b -> b.authenticationEntryPoint(basic))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .headers(h -> securityHeaders(h, API_CSP))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(basic)
                        .accessDeniedHandler((req, res, ex) ->
                                problems.write(res, 403, "Forbidden", "Your role may not use this endpoint.")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, OperatorToken operator, ApiProblemWriter problems)
            throws Exception {
        // Health: for load balancers, without a login. The operator's endpoints (platform-wide, no clinic): only
        // with the operator token.
        http.securityMatcher("/actuator/health", "/actuator/health/**", OPERATOR_ENDPOINTS)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(OPERATOR_ENDPOINTS)
                        .access((authentication, context) -> new AuthorizationDecision(operator.presentIn(context.getRequest())))
                        .anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"WalkRx operator\"");
                    problems.write(response, 401, "Unauthorized", "The operator token is required.");
                }))
                .headers(h -> securityHeaders(h, API_CSP))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiSecurity(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder,
                                   AccountGuard guard, RequestUtil vaadinRequests,
                                   @Value("${walkrx.session.max-lifetime:12h}") Duration maxLifetime) throws Exception {
        RequestMatcher cspReports = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, CspReports.PATH);
        http.authenticationManager(new ProviderManager(
                new GuardedAuthenticationProvider(users, encoder, guard, AccountGuard.Channel.FORM)));
        http.authorizeHttpRequests(a -> a
                // Error pages render the status (e.g. 403 for a login POST without its CSRF token).
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/styles/**", "/images/**").permitAll()
                .requestMatchers(cspReports).permitAll());
        // Vaadin's configurer exempts the login POST from CSRF protection; keep the exemption only for
        // Vaadin's own requests (which carry Vaadin's CSRF token) and browsers' CSP reports.
        http.csrf(c -> c.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest, cspReports));
        // A page request with a session cookie of a session that has ended: say why on the login page.
        http.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login?timeout"), SecurityConfiguration::endedSession));
        http.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        http.addFilterBefore(new SessionGuardFilter(guard, maxLifetime), SecurityContextHolderFilter.class);
        http.headers(h -> securityHeaders(h, UI_CSP));
        http.with(VaadinSecurityConfigurer.vaadin(), c -> c
                .loginView(LoginView.class, "/login?logout")
                // Unknown paths reach Vaadin's router, which shows the app's not-found page (PageNotFoundView) to
                // signed-in and anonymous users alike; views keep their own access annotations (checked by Vaadin's
                // navigation access control) and services their method security.
                .anyRequest(url -> url.permitAll())
                .enableCsrfConfiguration(false)
                .addLogoutHandler((request, response, authentication) -> {
                    if (authentication != null && authentication.getPrincipal() instanceof WalkRxPrincipal p) {
                        guard.loggedOut(p, ClientAddress.of(request), "logout");
                    }
                }));
        return http.build();
    }

    private static boolean endedSession(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }

    private static void securityHeaders(HeadersConfigurer<HttpSecurity> h, String csp) {
        h.contentSecurityPolicy(c -> c.policyDirectives(csp))
                .contentTypeOptions(c -> { })
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(s -> s.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                // Vaadin writes its pages past the lazy header writer: write the headers before the response.
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                });
    }
}
