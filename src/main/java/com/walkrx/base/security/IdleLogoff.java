package com.walkrx.base.security;

import com.vaadin.flow.server.WrappedHttpSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a signed-in session will be ended by {@link SessionGuardFilter}, for the countdown an open page shows before
 * the automatic logoff: the idle timeout counted from the user's last activity, or the absolute lifetime counted from
 * the login, whichever comes first. The filter stays the one that decides; this only reads the same session
 * attributes, so every instance answers alike for the sessions it holds.
 */
@Component
public class IdleLogoff {

    /** What ends the session first. */
    public enum Reason { INACTIVITY, MAX_LIFETIME }

    /** How long until the session ends, and why. */
    public record Remaining(Duration left, Reason reason) {
    }

    private final Duration maxLifetime;

    IdleLogoff(@Value("${walkrx.session.max-lifetime:12h}") Duration maxLifetime) {
        this.maxLifetime = maxLifetime;
    }

    /** How long the session has left; a session without a timeout is given its lifetime only. */
    public Remaining remaining(WrappedSession wrapped) {
        HttpSession session = ((WrappedHttpSession) wrapped).getHttpSession();
        long now = System.currentTimeMillis();
        long lifetimeLeft = session.getAttribute(SessionGuardFilter.LOGGED_IN_AT) instanceof Long at
                ? at + maxLifetime.toMillis() - now : maxLifetime.toMillis();
        int timeoutSeconds = session.getMaxInactiveInterval();
        long idleLeft = timeoutSeconds > 0
                ? SessionGuardFilter.lastActivity(session) + timeoutSeconds * 1000L - now : Long.MAX_VALUE;
        return idleLeft <= lifetimeLeft
                ? new Remaining(Duration.ofMillis(Math.max(0, idleLeft)), Reason.INACTIVITY)
                : new Remaining(Duration.ofMillis(Math.max(0, lifetimeLeft)), Reason.MAX_LIFETIME);
    }

    /** The user said they are still there (their own click or key press): activity, as any other input. */
    public void stillHere(WrappedSession session) {
        session.setAttribute(UserInputActivity.LAST_INPUT, System.currentTimeMillis());
    }
}
