package com.walkrx.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on the API: one indexed look-up of the token's hash, no password
 * hashing. The authentication carries the role, the bearer factor, the TOTP factor when the token was
 * issued with a code, and the enrolment scope for a token that may only set up a second factor.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenAuthenticator tokens;
    private final ApiProblemWriter problems;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).strip();
        Optional<ApiTokenAuthenticator.TokenLogin> login = token.isEmpty() || token.length() > 200
                ? Optional.empty() : tokens.authenticate(token);
        if (login.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"WalkRx\", error=\"invalid_token\"");
            problems.write(response, 401, "Unauthorized", "The token is not valid: it may be revoked or expired.");
            return;
        }
        ApiTokenAuthenticator.TokenLogin l = login.get();
        WalkRxPrincipal p = l.principal();
        if (!l.enrolmentOnly() && !l.withSecondFactor() && p.secondFactor() != SecondFactor.NOT_REQUIRED) {
            // issued before the clinic turned the policy on: a new token with a code is needed
            String code = p.secondFactor() == SecondFactor.REQUIRED
                    ? MfaProblem.MFA_REQUIRED : MfaProblem.MFA_ENROLMENT_REQUIRED;
            response.setHeader("WWW-Authenticate", "Bearer realm=\"WalkRx\", error=\"invalid_token\"");
            problems.write(response, 401, "Unauthorized", new MfaProblem(code).getMessage(), code);
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(p.role().authority()));
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.BEARER_AUTHORITY));
        if (l.withSecondFactor()) {
            authorities.add(FactorGrantedAuthority.fromAuthority(SecondFactor.TOTP_AUTHORITY));
        }
        if (l.enrolmentOnly()) {
            authorities.add(new SimpleGrantedAuthority(SecondFactor.ENROLMENT_SCOPE_AUTHORITY));
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(p, null, authorities);
        authentication.setDetails(new ApiTokenAuthenticator.TokenDetails(l.tokenId()));
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
