package com.walkrx.flag.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.security.RequiredFactors;
import com.walkrx.base.security.Role;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Registers every UI of a clinician with {@link FlagAlerts} when it is created and removes it when it closes,
 * and keeps the "Open flags" badge in the navigation current on every navigation.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FlagAlertsUiInit implements VaadinServiceInitListener {

    private final FlagAlerts alerts;
    private final CurrentUser currentUser;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> register(e.getUI()));
    }

    void register(UI ui) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // A clinician who has not yet given a required second factor gets no alerts (they name patients).
        currentUser.principal().filter(p -> p.role() == Role.CLINICIAN)
                .filter(p -> RequiredFactors.satisfied(authentication)).ifPresent(p -> {
            var registration = alerts.register(ui, p.caller(), authentication);
            ui.addDetachListener(d -> alerts.unregister(registration));
            ui.addAfterNavigationListener(nav -> alerts.updateBadge(ui, p.caller()));
        });
    }
}
