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
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.audit.AuditService;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.clinic.ClinicSettings;
import com.walkrx.clinic.ClinicSettingsService;
import jakarta.annotation.security.RolesAllowed;

/** The clinic admin's settings of the clinic, one section per area. */
@Route("clinic-settings")
@PageTitle("Clinic settings | WalkRx")
@Menu(order = 95, title = "Clinic settings", icon = "vaadin:cog")
@RolesAllowed("ADMIN")
@StyleSheet("styles/security.css")
public class ClinicSettingsView extends VerticalLayout {

    private final ClinicSettingsService settings;
    private final Caller caller;

    ClinicSettingsView(ClinicSettingsService settings, AuditService audit, CurrentUser currentUser) {
        this.settings = settings;
        this.caller = currentUser.require();
        addClassNames("clinic-settings-view", "admin-page");
        ClinicSettings current = settings.get(caller);
        add(new H2("Clinic settings"));
        add(signInSecurity(current));
        add(new SignInAlerts(audit, caller, audit.zone()));
    }

    // --- sign-in security (issue 14) ---

    final Checkbox staffMfaRequired = new Checkbox("Staff must confirm each login with an authenticator app");

    private Section signInSecurity(ClinicSettings current) {
        staffMfaRequired.setId("staff-mfa-required");
        staffMfaRequired.setValue(Boolean.TRUE.equals(current.staffMfaRequired()));
        Button save = new Button("Save sign-in security", e -> {
            ClinicSettings now = settings.update(caller, new ClinicSettings(staffMfaRequired.getValue()));
            staffMfaRequired.setValue(Boolean.TRUE.equals(now.staffMfaRequired()));
            Notification.show(Boolean.TRUE.equals(now.staffMfaRequired())
                            ? "Saved: staff give a code from their authenticator app from their next login."
                            : "Saved: staff log in with their password alone.", 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        save.setId("save-sign-in-security");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph hint = new Paragraph("Recommended: WalkRx holds patients' health records, and a password alone can be "
                + "guessed or phished. With this on, clinicians and admins set up an authenticator app at their next "
                + "login and type its 6-digit code after the password; the API then takes a token requested with a "
                + "code instead of the password. Patients are not affected. A staff member who lost their phone "
                + "uses a recovery code, or you reset their app on the Staff page.");
        hint.addClassName("hint");
        Section section = new Section(new H3("Sign-in security"), staffMfaRequired, hint, save);
        section.addClassName("settings-section");
        return section;
    }
}
