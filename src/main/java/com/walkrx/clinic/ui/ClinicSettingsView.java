package com.walkrx.clinic.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.audit.AuditService;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.ui.ClinicLocales;
import com.walkrx.base.ui.Dates;
import com.walkrx.clinic.ClinicSettings;
import com.walkrx.clinic.ClinicSettingsService;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Locale;

/** The clinic admin's settings of the clinic, one section per area. */
@Route("clinic-settings")
@PageTitle("Clinic settings | WalkRx")
@Menu(order = 95, title = "Clinic settings", icon = "vaadin:cog")
@RolesAllowed("ADMIN")
@StyleSheet("styles/security.css")
public class ClinicSettingsView extends VerticalLayout {

    /** The date each locale choice is shown with, so the admin sees what "en-GB" means. */
    private static final LocalDate EXAMPLE = LocalDate.of(2026, 11, 29);

    private final ClinicSettingsService settings;
    private final Caller caller;

    ClinicSettingsView(ClinicSettingsService settings, AuditService audit, CurrentUser currentUser) {
        this.settings = settings;
        this.caller = currentUser.require();
        addClassNames("clinic-settings-view", "admin-page");
        ClinicSettings current = settings.get(caller);
        add(new H2(getTranslation("clinicSettings.title")));
        add(signInSecurity(current));
        add(datesAndLanguage(current));
        add(new SignInAlerts(audit, caller, audit.zone(caller)));
    }

    // --- sign-in security (issue 14) ---

    final Checkbox staffMfaRequired = new Checkbox();

    private Section signInSecurity(ClinicSettings current) {
        staffMfaRequired.setLabel(getTranslation("clinicSettings.mfa.required"));
        staffMfaRequired.setId("staff-mfa-required");
        staffMfaRequired.setValue(Boolean.TRUE.equals(current.staffMfaRequired()));
        Button save = new Button(getTranslation("clinicSettings.mfa.save"), e -> {
            ClinicSettings now = settings.update(caller, ClinicSettings.staffMfa(staffMfaRequired.getValue()));
            staffMfaRequired.setValue(Boolean.TRUE.equals(now.staffMfaRequired()));
            saved(getTranslation(Boolean.TRUE.equals(now.staffMfaRequired())
                    ? "clinicSettings.mfa.savedOn" : "clinicSettings.mfa.savedOff"));
        });
        save.setId("save-sign-in-security");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph hint = new Paragraph(getTranslation("clinicSettings.mfa.hint"));
        hint.addClassName("hint");
        Section section = new Section(new H3(getTranslation("clinicSettings.mfa.heading")), staffMfaRequired, hint,
                save);
        section.addClassName("settings-section");
        return section;
    }

    // --- dates and language (issue 20) ---

    final Select<String> locale = new Select<>();

    private Section datesAndLanguage(ClinicSettings current) {
        locale.setLabel(getTranslation("clinicSettings.locale.label"));
        locale.setId("clinic-locale");
        locale.setItems(ClinicLocales.SUPPORTED);
        locale.setItemLabelGenerator(ClinicSettingsView::localeLabel);
        locale.setValue(current.locale());
        locale.setEmptySelectionAllowed(false);
        locale.setWidth("30em");
        Button save = new Button(getTranslation("clinicSettings.locale.save"), e -> {
            ClinicSettings now = settings.update(caller, ClinicSettings.locale(locale.getValue()));
            locale.setValue(now.locale());
            saved(getTranslation("clinicSettings.locale.saved", localeLabel(now.locale())));
        });
        save.setId("save-locale");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph hint = new Paragraph(getTranslation("clinicSettings.locale.hint"));
        hint.addClassName("hint");
        Section section = new Section(new H3(getTranslation("clinicSettings.locale.heading")), locale, hint, save);
        section.addClassName("settings-section");
        return section;
    }

    /** "English (United Kingdom): 29/11/2026, weeks from Monday". */
    static String localeLabel(String tag) {
        Locale l = Locale.forLanguageTag(tag);
        return l.getDisplayName(Locale.UK) + ": " + Dates.date(EXAMPLE, l) + ", weeks from "
                + Dates.firstDayOfWeek(l).getDisplayName(java.time.format.TextStyle.FULL, Locale.UK);
    }

    private static void saved(String message) {
        Notification.show(message, 5000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
