package com.walkrx.support;

import com.vaadin.flow.server.VaadinSession;
import com.walkrx.base.security.UserSessions;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.locks.Lock;

/** Makes a live session look idle, instead of waiting for the session timeout in a test. */
public final class IdleSessions {

    private IdleSessions() {
    }

    /** The user last did something this long ago: their page requests and their Vaadin UI requests. */
    public static void idleFor(HttpSession session, Duration ago) {
        idleFor(session, ago, true);
    }

    /**
     * As {@link #idleFor(HttpSession, Duration)}; {@code pageRequestsToo=false} moves only the Vaadin UI's time
     * (which since the user-input rule decides nothing about the logoff).
     */
    public static void idleFor(HttpSession session, Duration ago, boolean pageRequestsToo) {
        long then = System.currentTimeMillis() - ago.toMillis();
        if (pageRequestsToo) {
            session.setAttribute(UserSessions.LAST_ACTIVITY, then);
            session.setAttribute("walkrx.lastInput", then);
        }
        for (String name : Collections.list(session.getAttributeNames())) {
            if (session.getAttribute(name) instanceof VaadinSession vaadin) {
                Lock lock = vaadin.getLockInstance();
                lock.lock();
                try {
                    vaadin.setLastRequestTimestamp(then);
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** The session's session start, moved back: it was logged in this long ago. */
    public static void loggedInFor(HttpSession session, Duration ago) {
        session.setAttribute("walkrx.loggedInAt", System.currentTimeMillis() - ago.toMillis());
    }
}
