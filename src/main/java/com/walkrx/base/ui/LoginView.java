package com.walkrx.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.walkrx.base.DemoMode;

/** The login page; after login clinicians land on the caseload, patients on "today". */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in | WalkRx")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    /** The page where a one-time setup or reset code and a new password are entered (clinic module). */
    public static final String PASSWORD_RESET_ROUTE = "reset-password";
    /** The page where staff give their second factor (or set one up) after the password (clinic module). */
    public static final String SECOND_FACTOR_ROUTE = "second-factor";

    private final LoginForm login = new LoginForm();
    private final Div notice = new Div();

    LoginView(DemoMode demo) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.START);

        H1 title = new H1("WalkRx");
        title.addClassName("login-title");
        Paragraph tagline = new Paragraph("Walking therapy for back pain");
        tagline.addClassName("login-tagline");

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Log in");
        i18n.getForm().setUsername("Username");
        i18n.getErrorMessage().setTitle("Incorrect username or password");
        i18n.getErrorMessage().setMessage(
                "Check your username and password and try again. After several failed attempts, logging in is paused for a while.");
        i18n.getForm().setForgotPassword("Staff: have a setup or reset code?");
        login.setI18n(i18n);
        login.setAction("login");
        // Staff set their first password, or a new one, with a one-time code from their clinic's admin.
        login.setForgotPasswordButtonVisible(true);
        login.addForgotPasswordListener(e -> login.getUI().ifPresent(ui -> ui.navigate(PASSWORD_RESET_ROUTE)));

        notice.addClassName("login-notice");
        notice.setVisible(false);
        notice.getElement().setAttribute("role", "status");

        // Patients create their login with the one-time code from their clinic (the reset page is for staff codes).
        Anchor activate = new Anchor("activate", "I have an activation code");
        activate.addClassName("activation-link");
        Paragraph patients = new Paragraph(new Span("New patient? "), activate);
        patients.addClassName("login-activation");
        add(title, tagline, notice, login, patients);
        if (demo.enabled()) {
            add(demoAccounts());
        }
    }

    private Div demoAccounts() {
        Div box = new Div();
        box.addClassName("demo-accounts");
        box.add(new Span("Demo accounts (password "), code(DemoMode.DEMO_PASSWORD), new Span("): "),
                code("demo-clinician-1"), new Span(", "), code("demo-clinician-2"), new Span(", "),
                code("demo-admin"), new Span(", "), code("demo-patient-1"), new Span(" ... "), code("demo-patient-12"));
        return box;
    }

    private static Span code(String text) {
        Span s = new Span(text);
        s.addClassName("code");
        return s;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        login.setError(params.containsKey("error"));
        if (params.containsKey("logout")) {
            showNotice("You were logged out.");
        } else if (params.containsKey("timeout")) {
            showNotice("You were logged out after a period of inactivity, and that tab stopped receiving alerts for new flags. Please log in again.");
        } else if (params.containsKey("password-set")) {
            showNotice("Your password is set. Log in with your username and new password.");
        }
    }

    private void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
    }
}
