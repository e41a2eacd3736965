package com.walkrx.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.walkrx.base.security.CurrentUser;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Gives every UI its clinic's locale (en-GB before sign-in), whatever the browser asks for: a clinic's dates read
 * the same on every screen. Set before each navigation, ahead of the view's constructor, so a view built for a
 * signed-in user and a changed clinic setting both take effect on the next page.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ClinicLocaleUiInit implements VaadinServiceInitListener {

    private final ClinicLocales locales;
    private final CurrentUser currentUser;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            UI ui = e.getUI();
            apply(ui);
            ui.addBeforeEnterListener(nav -> apply(ui));
        });
    }

    void apply(UI ui) {
        Locale locale = currentUser.principal().map(p -> locales.locale(p.caller().clinicId()))
                .orElse(Dates.DEFAULT_LOCALE);
        if (!locale.equals(ui.getLocale())) {
            ui.setLocale(locale);
        }
    }
}
