package com.walkrx.clinic.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.clinic.ApiTokenService;
import com.walkrx.clinic.LoginsService;
import com.walkrx.clinic.MfaService;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import com.walkrx.base.ui.Dates;

/**
 * The user's own sign-in security: change the password, the authenticator app and recovery codes (staff),
 * and the devices that hold an API token (the patient's phone app), each of which can be signed out.
 */
@Route("account/security")
@PageTitle("Security | WalkRx")
@Menu(order = 200, title = "Security", icon = "vaadin:lock")
@PermitAll
@StyleSheet("styles/security.css")
public class SecurityView extends VerticalLayout {


    private final MfaService mfa;
    private final ApiTokenService tokens;
    private final Caller caller;
    private final ZoneId zone;
    private final Div factor = new Div();
    final Grid<ApiTokenService.TokenInfo> devices = new Grid<>();

    SecurityView(LoginsService logins, MfaService mfa, ApiTokenService tokens, CurrentUser currentUser, Clock clock) {
        this.mfa = mfa;
        this.tokens = tokens;
        this.caller = currentUser.require();
        this.zone = clock.getZone();
        addClassName("security-view");

        Section password = new Section(new H3("Password"), new Paragraph("Changing your password logs you out "
                + "everywhere else: other browsers and every device below."), new ChangePasswordForm(logins, caller));
        add(new H2("Security"), password);

        if (caller.isStaff()) {
            factor.addClassName("factor-section");
            showFactor();
            add(new Section(new H3("Authenticator app (second step at login)"), factor));
        }

        devices.addColumn(ApiTokenService.TokenInfo::deviceName).setHeader("Device").setFlexGrow(2);
        devices.addColumn(t -> format(t.createdAt())).setHeader("Signed in");
        devices.addColumn(t -> t.lastUsedAt() == null ? "Not yet" : format(t.lastUsedAt())).setHeader("Last used");
        devices.addColumn(t -> format(t.expiresAt())).setHeader("Expires");
        devices.addComponentColumn(t -> {
            Button out = new Button("Sign out", e -> {
                tokens.revoke(caller, t.id());
                refreshDevices();
            });
            out.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return out;
        }).setHeader("");
        devices.setAllRowsVisible(true);
        devices.setId("devices");
        refreshDevices();
        add(new Section(new H3("Devices and apps"), new Paragraph("Phone apps and integrations that signed in "
                + "with your account. Sign out a device you no longer use or have lost."), devices));
    }

    private void showFactor() {
        factor.removeAll();
        MfaService.FactorStatus status = mfa.status(caller);
        if (status.totpActive()) {
            Button regenerate = new Button("New recovery codes", e -> {
                factor.removeAll();
                factor.add(TotpSetup.recoveryCodes(mfa.regenerateRecoveryCodes(caller)));
            });
            factor.add(new Paragraph("An authenticator app is set up. Recovery codes left: "
                    + status.recoveryCodesLeft() + " of 10. Changed phone? Ask your clinic admin to reset it, then "
                    + "set up the new phone at your next login."), regenerate);
        } else {
            Button setUp = new Button("Set up an authenticator app", e -> {
                factor.removeAll();
                TotpSetup setup = new TotpSetup(mfa, caller);
                setup.addConfirmedListener(c -> {
                    factor.removeAll();
                    factor.add(new Paragraph("Your authenticator app is set up."),
                            TotpSetup.recoveryCodes(c.recoveryCodes()));
                });
                factor.add(setup);
            });
            setUp.setId("set-up-totp");
            factor.add(new Paragraph("No authenticator app is set up. Your clinic may require one; setting it up "
                    + "now protects your account either way."), setUp);
        }
    }

    private void refreshDevices() {
        devices.setItems(tokens.list(caller));
    }

    private String format(Instant at) {
        return Dates.dateTime(at, zone);
    }
}
