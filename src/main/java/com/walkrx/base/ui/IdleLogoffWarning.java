package com.walkrx.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.walkrx.base.security.IdleLogoff;
import java.time.Duration;

/**
 * The countdown before the automatic logoff (issue 20): hidden until the session has {@link #WARN_BEFORE} left, then
 * a banner at the top of every page says when the user will be logged out and that alerts stop then, with a button
 * to stay logged in (any key or click does the same; it is the user's own input). At zero the page asks the server
 * once more; the server ends the session, and the tab goes to the login page, which says why, so a logged-out
 * inbox is never left on screen looking live. The browser counts the seconds; it asks the server for the time left
 * every {@link #SYNC_EVERY} and when the banner is due, so the server's session (what decides) and the banner agree.
 */
public class IdleLogoffWarning extends Div {

    static final Duration WARN_BEFORE = Duration.ofMinutes(2);
    static final Duration SYNC_EVERY = Duration.ofSeconds(30);

    private static final String SCRIPT = """
            const el = this, warn = $0, every = $1;
            if (el._idle) { clearInterval(el._idle.timer); }
            const st = el._idle = { deadline: Date.now() + 3600000, synced: 0, asking: false };
            const count = el.querySelector('.idle-countdown');
            const ask = () => {
              if (st.asking) { return; }
              st.asking = true; st.synced = Date.now();
              el.$server.remainingMillis().then(ms => { st.deadline = Date.now() + ms; st.asking = false; tick(); },
                                                () => { st.asking = false; });
            };
            const tick = () => {
              const now = Date.now(), left = st.deadline - now;
              if (now - st.synced >= every || (left <= warn && el.hidden) || left <= 0) { ask(); }
              const s = Math.max(0, Math.ceil(left / 1000));
              count.textContent = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
              el.hidden = left > warn;
            };
            const input = () => { if (!el.hidden) { el.$server.stillHere().then(ask); } };
            for (const type of ['pointerdown', 'keydown']) { document.addEventListener(type, input, { passive: true }); }
            st.timer = setInterval(tick, 1000);
            ask();
            """;

    private final IdleLogoff idleLogoff;
    private final Span reason = new Span();

    public IdleLogoffWarning(IdleLogoff idleLogoff) {
        this.idleLogoff = idleLogoff;
        addClassName("idle-warning");
        getElement().setAttribute("role", "alert");
        getElement().setAttribute("hidden", true);
        Span countdown = new Span("2:00");
        countdown.addClassName("idle-countdown");
        reason.addClassName("idle-reason");
        reason.setText(getTranslation("idle.inactivity"));
        Span alerts = new Span(getTranslation("idle.alertsStop"));
        Button stay = new Button(getTranslation("idle.stay"), e -> stillHere());
        stay.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        stay.addClassName("idle-stay");
        add(reason, countdown, alerts, stay);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        getElement().executeJs(SCRIPT, WARN_BEFORE.toMillis(), SYNC_EVERY.toMillis());
    }

    /** Time left before the logoff, for the page's countdown. A request of the page's own: not activity. */
    @ClientCallable
    long remainingMillis() {
        WrappedSession session = VaadinSession.getCurrent().getSession();
        IdleLogoff.Remaining left = idleLogoff.remaining(session);
        reason.setText(getTranslation(left.reason() == IdleLogoff.Reason.INACTIVITY
                ? "idle.inactivity" : "idle.maxLifetime"));
        return left.left().toMillis();
    }

    /** The user's key press or click while the banner shows: they are there. */
    @ClientCallable
    void stillHere() {
        idleLogoff.stillHere(VaadinSession.getCurrent().getSession());
    }
}
