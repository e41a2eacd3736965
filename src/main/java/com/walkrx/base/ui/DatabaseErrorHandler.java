package com.walkrx.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.walkrx.base.db.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A click, a save or a refresh that fails because the database cannot be reached shows "Service unavailable,
 * nothing was saved" on the page the user is on (issue 12); every other error goes to Vaadin's default handler.
 * Pages that fail while opening show {@link ServiceUnavailableView} instead.
 */
@Component
class DatabaseErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(DatabaseErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        DefaultErrorHandler fallback = new DefaultErrorHandler();
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler((ErrorEvent error) -> {
            UI ui = UI.getCurrent();
            if (ui != null && DatabaseUnavailable.isCause(error.getThrowable())) {
                log.warn("Database unavailable in the UI: {}", error.getThrowable().toString());
                Notification n = Notification.show("Service unavailable: " + DatabaseUnavailable.MESSAGE, 8000,
                        Notification.Position.MIDDLE);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                n.addClassName("service-unavailable");
                return;
            }
            fallback.error(error);
        }));
    }
}
