package com.walkrx.base.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What counts as activity for the automatic logoff: the user's own input. Pushed updates make the browser
 * send requests of its own (a toast that opens and closes, a grid fetching the rows it was sent), so
 * Vaadin's request times cannot tell a clinician at work from a tab left open on a live inbox. Every UI
 * listens on its page for pointer, key and wheel input and reports it, at most once every
 * {@value #REPORT_EVERY_MILLIS} ms (and also under a modal dialog), into the HTTP session.
 */
@Component
class UserInputActivity implements VaadinServiceInitListener {

    /** Session attribute: when the user last pressed, typed or scrolled (epoch millis). */
    static final String LAST_INPUT = "walkrx.lastInput";
    static final int REPORT_EVERY_MILLIS = 30_000;
    private static final List<String> INPUT_EVENTS = List.of("pointerdown", "keydown", "wheel");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> listen(init.getUI()));
    }

    private static void listen(UI ui) {
        for (String type : INPUT_EVENTS) {
            ui.getElement().addEventListener(type, e -> record(ui)).throttle(REPORT_EVERY_MILLIS).allowInert();
        }
    }

    private static void record(UI ui) {
        WrappedSession session = ui.getSession().getSession();
        if (session != null) {
            session.setAttribute(LAST_INPUT, System.currentTimeMillis());
        }
    }
}
