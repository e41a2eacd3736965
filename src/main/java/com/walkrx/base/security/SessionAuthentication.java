package com.walkrx.base.security;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Changes the factors of the logged-in UI session's authentication: a verified second factor is added,
 * a password just changed renews the password factor (so that the "logins valid after" instant set by
 * the change ends the user's other sessions but not this one).
 */
public final class SessionAuthentication {

    private SessionAuthentication() {
    }

    /**
     * Adds (or renews) the factor authority, now, to the current session's authentication, under a new session
     * id: as at the password step, an id seen before the login is completed is worth nothing after it.
     */
    public static void addFactor(String authority) {
        replaceFactor(authority, Instant.now());
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request != null && request.getHttpServletRequest().getSession(false) != null) {
            request.getHttpServletRequest().changeSessionId(); // UserSessions follows the new id
        }
    }

    /** Renews the password factor with the instant from which the user's logins are valid. */
    public static void renewPasswordFactor(Instant at) {
        replaceFactor(FactorGrantedAuthority.PASSWORD_AUTHORITY, at);
    }

    private static void replaceFactor(String authority, Instant at) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof WalkRxPrincipal principal)) {
            throw new IllegalStateException("Nobody is logged in");
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (GrantedAuthority a : current.getAuthorities()) {
            if (!authority.equals(a.getAuthority())) {
                authorities.add(a);
            }
        }
        authorities.add(FactorGrantedAuthority.withAuthority(authority).issuedAt(at).build());
        UsernamePasswordAuthenticationToken updated =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        updated.setDetails(current.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(updated);
        SecurityContextHolder.setContext(context);
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
    }

    /** The id of the current UI session (to keep it when the user's other logins end). */
    public static String sessionId() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null ? null : session.getSession().getId();
    }
}
