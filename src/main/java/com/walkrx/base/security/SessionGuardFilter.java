package com.walkrx.base.security;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a logged-in UI session, before the security context is loaded from it, when
 * <ul>
 * <li>the user has been inactive for the session timeout ({@code server.servlet.session.timeout}).
 * Vaadin's heartbeats and push polls do not count as activity, so an idle open tab is logged off too;
 * activity over a push connection counts through the Vaadin session's last request time;</li>
 * <li>the account has been deactivated, or the user's logins were ended after this session logged in (a
 * password change or reset, "revoke logins"): checked in PostgreSQL on every request (one primary-key
 * look-up), so every instance ends such a session on its next request.</li>
 * </ul>
 * The request then goes on without a session: a page request is sent to {@code /login?timeout}, a
 * Vaadin request is answered "session expired" and the browser follows to the same page.
 */
final class SessionGuardFilter extends OncePerRequestFilter {

    static final String LAST_ACTIVITY = UserSessions.LAST_ACTIVITY;

    private final AccountGuard guard;

    SessionGuardFilter(AccountGuard guard) {
        this.guard = guard;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                check(request, session);
            } catch (IllegalStateException invalidatedMeanwhile) {
                // a logout or deactivation on another thread ended it first
            }
        }
        chain.doFilter(request, response);
    }

    private void check(HttpServletRequest request, HttpSession session) {
        long now = System.currentTimeMillis();
        Optional<WalkRxPrincipal> user = UserSessions.principalOf(session);
        if (user.isPresent()) {
            String ending = null;
            int timeoutSeconds = session.getMaxInactiveInterval();
            if (timeoutSeconds > 0 && now - lastActivity(session) >= timeoutSeconds * 1000L) {
                ending = "after inactivity";
            } else if (!guard.sessionValid(user.get().userId(), UserSessions.authenticatedAt(session))) {
                ending = guard.active(user.get().userId()) ? "logins ended" : "account deactivated";
            }
            if (ending != null) {
                session.invalidate();
                guard.loggedOut(user.get(), ClientAddress.of(request), ending);
                return;
            }
        }
        // Nobody logged in (the login page): its session and CSRF token are left alone, but the login
        // POST and page loads count as activity, so a login never starts out "idle".
        if (!isBackground(request)) {
            markActive(session, now);
        }
    }

    /**
     * Records activity, for this filter and for Vaadin's own idle check ({@code closeIdleSessions}),
     * which otherwise counts only UI events: a page load or a login is activity too.
     */
    private static void markActive(HttpSession session, long now) {
        session.setAttribute(LAST_ACTIVITY, now);
        for (String name : Collections.list(session.getAttributeNames())) {
            if (session.getAttribute(name) instanceof VaadinSession vaadin) {
                Lock lock = vaadin.getLockInstance();
                if (lock != null && lock.tryLock()) { // when busy, the UI request in progress counts anyway
                    try {
                        vaadin.setLastRequestTimestamp(Math.max(now, vaadin.getLastRequestTimestamp()));
                    } finally {
                        lock.unlock();
                    }
                }
            }
        }
    }

    /** The later of the last non-background request and the last Vaadin UI request (which may come over push). */
    static long lastActivity(HttpSession session) {
        long last = session.getAttribute(LAST_ACTIVITY) instanceof Long l ? l : session.getCreationTime();
        for (String name : Collections.list(session.getAttributeNames())) {
            if (session.getAttribute(name) instanceof VaadinSession vaadin) {
                Lock lock = vaadin.getLockInstance();
                if (lock == null || !lock.tryLock()) {
                    return System.currentTimeMillis(); // a UI request is being handled right now
                }
                try {
                    last = Math.max(last, vaadin.getLastRequestTimestamp());
                } finally {
                    lock.unlock();
                }
            }
        }
        return last;
    }

    /** Vaadin's heartbeats and push connections: sent by an open tab on its own, not by the user. */
    static boolean isBackground(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && (query.contains("v-r=heartbeat") || query.contains("v-r=push"));
    }
}
