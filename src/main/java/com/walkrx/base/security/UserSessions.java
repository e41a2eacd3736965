package com.walkrx.base.security;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import com.walkrx.base.cluster.ClusterNotifications;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The live HTTP sessions of this instance, so that deactivating a user or a new password ends their sessions at
 * once (the Vaadin session inside is closed with it), on every instance: {@link #endSessionsEverywhere} sends a
 * notice through PostgreSQL on commit and each instance, this one included, ends the user's sessions it holds.
 * Should an instance miss the notice (its listening connection down), {@link SessionGuardFilter} still ends a
 * deactivated account's session on its next request.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class UserSessions implements HttpSessionListener, HttpSessionIdListener, ClusterNotifications.Listener {

    /** The notice channel; the payload is the user id. */
    static final String CHANNEL = "walkrx_sessions";

    /** Session attribute: when the user last did something (epoch millis); heartbeats do not count. */
    public static final String LAST_ACTIVITY = "walkrx.lastActivity";
    private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

    private final ConcurrentMap<String, HttpSession> sessions = new ConcurrentHashMap<>();
    private final ClusterNotifications notifications;

    /**
     * Ends every session of the user on every instance once the current transaction commits: on this one at
     * once, on the others (and again, harmlessly, here) when the notice arrives.
     */
    public void endSessionsEverywhere(long userId) {
        notifications.send(CHANNEL, Long.toString(userId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    endSessionsOf(userId);
                }
            });
        } else {
            endSessionsOf(userId);
        }
    }

    /**
     * Logs the user out of the session of the current request, if it is theirs, without ending the session: the
     * page that made the request (a password set with a one-time code in a browser still logged in as that user)
     * goes on, anonymous, and shows its outcome. Call it before {@link #endSessionsEverywhere} commits: that
     * then passes this session by, where invalidating it in the middle of its own request lost the page.
     * Returns whether the current session was the user's.
     */
    public boolean logOutCurrentSessionOf(long userId) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
            return false;
        }
        HttpSession session = attrs.getRequest().getSession(false);
        if (session == null || userIdOf(session) != userId) {
            return false;
        }
        session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        session.removeAttribute(SessionGuardFilter.LOGGED_IN_AT);
        SecurityContextHolder.clearContext();
        return true;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void received(String payload) {
        try {
            int ended = endSessionsOf(Long.parseLong(payload));
            if (ended > 0) {
                log.info("Ended {} sessions of user {} on notice", ended, payload);
            }
        } catch (NumberFormatException e) {
            log.warn("Ignored a session notice in an unknown format: {}", payload);
        }
    }

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
        return endSessionsOf(userId, null);
    }

    /** Ends every session of the user on this instance except {@code keepSessionId} (may be null). */
    public int endSessionsOf(long userId, String keepSessionId) {
        int ended = 0;
        for (var entry : List.copyOf(sessions.entrySet())) {
            if (userIdOf(entry.getValue()) == userId && !entry.getKey().equals(keepSessionId)) {
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

    /**
     * When the session's user logged in: the time of its password factor (else its earliest factor), or
     * the session's creation.
     */
    static java.time.Instant authenticatedAt(HttpSession session) {
        try {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            if (context instanceof SecurityContext sc && sc.getAuthentication() != null) {
                // the password factor's time (renewed when the user changes their password in this session)
                java.util.Optional<java.time.Instant> first = sc.getAuthentication().getAuthorities().stream()
                        .filter(a -> a instanceof org.springframework.security.core.authority.FactorGrantedAuthority)
                        .map(a -> (org.springframework.security.core.authority.FactorGrantedAuthority) a)
                        .sorted(java.util.Comparator.comparing((org.springframework.security.core.authority.FactorGrantedAuthority f)
                                -> !f.getAuthority().equals(
                                org.springframework.security.core.authority.FactorGrantedAuthority.PASSWORD_AUTHORITY))
                                .thenComparing(org.springframework.security.core.authority.FactorGrantedAuthority::getIssuedAt))
                        .map(org.springframework.security.core.authority.FactorGrantedAuthority::getIssuedAt)
                        .findFirst();
                if (first.isPresent()) {
                    return first.get();
                }
            }
            return java.time.Instant.ofEpochMilli(session.getCreationTime());
        } catch (IllegalStateException invalidated) {
            return java.time.Instant.EPOCH;
        }
    }

    private static long userIdOf(HttpSession session) {
        return principalOf(session).map(WalkRxPrincipal::userId).orElse(-1L);
    }
}
