package com.walkrx.clinic.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.security.RequiredFactors;
import com.walkrx.base.security.SecondFactor;
import com.walkrx.base.security.SessionAuthentication;
import com.walkrx.base.security.WalkRxPrincipal;
import com.walkrx.base.ui.LoginView;
import com.walkrx.clinic.MfaService;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The second step of a staff login where the clinic requires it: the code from the authenticator app
 * (or a recovery code), or, the first time, setting the app up. Until this step is done no other view
 * opens (the navigation check sends every navigation here).
 */
@Route(value = LoginView.SECOND_FACTOR_ROUTE, autoLayout = false)
@PageTitle("Second step | WalkRx")
@PermitAll
@StyleSheet("styles/security.css")
public class SecondFactorView extends VerticalLayout {

    private final MfaService mfa;
    private final Caller caller;
    final TextField code = new TextField("Code");
    final Button verify = new Button("Continue");

    SecondFactorView(MfaService mfa, CurrentUser currentUser, AuthenticationContext authentication) {
        this.mfa = mfa;
        WalkRxPrincipal user = currentUser.principal().orElseThrow();
        this.caller = user.caller();
        addClassNames("second-factor-view", "login-view");
        setAlignItems(Alignment.CENTER);

        H1 brand = new H1("WalkRx");
        brand.addClassName("login-title");
        Div card = new Div();
        card.addClassName("second-factor-card");
        add(brand, card);

        if (RequiredFactors.satisfied(SecurityContextHolder.getContext().getAuthentication())) {
            card.add(new H2("You are logged in"), new Paragraph("No further step is needed."));
            Button go = new Button("Continue", e -> goHome());
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            card.add(go);
        } else if (user.secondFactor() == SecondFactor.ENROLMENT_REQUIRED) {
            card.add(new H2("Set up a second step for your login"), new Paragraph("Your clinic requires staff to "
                    + "confirm each login with a code from an authenticator app on their phone, because WalkRx holds "
                    + "patients' health records. This takes a minute, once."));
            TotpSetup setup = new TotpSetup(mfa, caller);
            setup.addConfirmedListener(e -> {
                card.removeAll();
                Button go = new Button("I have saved my recovery codes: continue", c -> {
                    SessionAuthentication.addFactor(SecondFactor.TOTP_AUTHORITY);
                    goHome();
                });
                go.setId("continue");
                go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                card.add(new H2("Your authenticator app is set up"), TotpSetup.recoveryCodes(e.recoveryCodes()), go);
            });
            card.add(setup);
        } else {
            card.add(new H2("Second step"), new Paragraph("Hello " + user.displayName()
                    + ". Type the 6-digit code your authenticator app shows for WalkRx. Lost your phone? "
                    + "Type one of your recovery codes instead."));
            code.setId("second-factor-code");
            code.setWidthFull();
            code.setMaxLength(24);
            code.setManualValidation(true);
            code.getElement().setAttribute("autocomplete", "one-time-code");
            code.setAutofocus(true);
            verify.setId("second-factor-submit");
            verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            verify.setWidthFull();
            verify.addClickShortcut(Key.ENTER);
            verify.addClickListener(e -> submit());
            card.add(code, verify);
        }
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("logout-button");
        card.add(logout);
    }

    private void submit() {
        switch (mfa.verifyAtLogin(caller, code.getValue())) {
            case ACCEPTED -> {
                SessionAuthentication.addFactor(SecondFactor.TOTP_AUTHORITY);
                goHome();
            }
            case WRONG -> {
                code.setErrorMessage("That code is not right, or was used already. Wait for the next code and try again.");
                code.setInvalid(true);
                code.clear();
            }
            case PAUSED -> {
                code.setErrorMessage("Too many attempts: logging in is paused for a while. Try again later.");
                code.setInvalid(true);
            }
        }
    }

    /** A fresh page load: the new UI starts with every factor (live flag alerts register then). */
    private void goHome() {
        getUI().ifPresent(ui -> ui.getPage().setLocation("/"));
    }
}
