package com.walkrx.base.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The live HTTP sessions of this instance, so that deactivating a user ends their sessions at once
 * (the Vaadin session inside is closed with it). Other instances notice on the user's next request
 * ({@link SessionGuardFilter} checks the account on every UI request).
 */
@Component
public class UserSessions implements HttpSessionListener, HttpSessionIdListener {

    /** Session attribute: when the user last did something (epoch millis); heartbeats do not count. */
    public static final String LAST_ACTIVITY = "walkrx.lastActivity";

    private final ConcurrentMap<String, HttpSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession().getId());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        sessions.remove(oldSessionId);
        sessions.put(event.getSession().getId(), event.getSession());
    }

    /** When the user of this session last did something themselves (epoch millis): see {@link SessionGuardFilter}. */
    public static long lastActivity(HttpSession session) {
        return SessionGuardFilter.lastActivity(session);
    }

    /** The live session with this id on this instance. */
    public Optional<HttpSession> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /** The ids of the live sessions in which this user is logged in, on this instance. */
    public List<String> sessionIdsOf(long userId) {
        return sessions.entrySet().stream().filter(e -> userIdOf(e.getValue()) == userId)
                .map(java.util.Map.Entry::getKey).toList();
    }

    /** Ends every session of the user on this instance at once; returns how many were ended. */
    public int endSessionsOf(long userId) {
        int ended = 0;
        for (var entry : List.copyOf(sessions.entrySet())) {
            if (userIdOf(entry.getValue()) == userId) {
                sessions.remove(entry.getKey());
                try {
                    entry.getValue().invalidate();
                    ended++;
                } catch (IllegalStateException alreadyGone) {
                    // ended by a logout or a timeout meanwhile
                }
            }
        }
        return ended;
    }

    /** The logged-in user of a session, if any. */
    static Optional<WalkRxPrincipal> principalOf(HttpSession session) {
        try {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            if (context instanceof SecurityContext sc && sc.getAuthentication() != null
                    && sc.getAuthentication().getPrincipal() instanceof WalkRxPrincipal p) {
                return Optional.of(p);
            }
        } catch (IllegalStateException invalidated) {
            // the session ended while we looked
        }
        return Optional.empty();
    }

    private static long userIdOf(HttpSession session) {
        return principalOf(session).map(WalkRxPrincipal::userId).orElse(-1L);
    }
}
