package com.walkrx.clinic.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.ClientAddress;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.security.WalkRxPrincipal;
import com.walkrx.base.ui.LoginView;
import com.walkrx.base.ui.NewPassword;
import com.walkrx.clinic.PasswordPolicy;
import com.walkrx.clinic.StaffService;

/** Where staff enter a one-time setup or reset code from their admin and choose a new password. */
@Route(value = LoginView.PASSWORD_RESET_ROUTE, autoLayout = false)
@PageTitle("Set your password | WalkRx")
@AnonymousAllowed
public class PasswordResetView extends VerticalLayout {

    private final TextField code = new TextField("One-time code");
    private final PasswordField password = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("New password again");

    private final CurrentUser currentUser;

    PasswordResetView(StaffService staff, CurrentUser currentUser) {
        this.currentUser = currentUser;
        addClassNames("password-reset-view", "login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);

        H1 title = new H1("WalkRx");
        title.addClassName("login-title");
        code.addClassName("reset-code");
        password.addClassName("reset-password");
        repeat.addClassName("reset-repeat");
        code.setPlaceholder("XXXX-XXXX-XXXX-XXXX");
        code.setRequired(true);
        code.setWidth("22em");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        password.setRequired(true);
        password.setWidth("22em");
        password.setHelperText(PasswordPolicy.HINT);
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.getElement().setAttribute("autocomplete", "new-password");
        repeat.setRequired(true);
        repeat.setWidth("22em");
        repeat.getElement().setAttribute("autocomplete", "new-password");

        Button save = new Button("Set password", e -> {
            code.setInvalid(false);
            password.setInvalid(false);
            repeat.setInvalid(false);
            if (!NewPassword.repeated(password, repeat, "The two passwords differ")) {
                return;
            }
            try {
                String before = currentUser.principal().map(WalkRxPrincipal::getUsername).orElse(null);
                String username = staff.setPasswordWithCode(code.getValue(), password.getValue(), ClientAddress.current());
                if (username.equalsIgnoreCase(before)) {
                    sendOtherTabsToLogin(); // they were this account's, logged out now
                }
                done(username);
            } catch (InvalidInputException ex) {
                for (FieldProblem p : ex.problems()) {
                    if ("code".equals(p.field())) {
                        code.setErrorMessage("The code " + p.message());
                        code.setInvalid(true);
                    } else {
                        password.setErrorMessage("The password " + p.message());
                        password.setInvalid(true);
                    }
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClassName("set-password");

        add(title, new H2("Set your password"),
                new Paragraph("Enter the one-time code your clinic's administrator gave you, and choose a new password."),
                code, password, repeat, save, new Anchor("login", "Back to log in"));
    }

    private void sendOtherTabsToLogin() {
        UI here = UI.getCurrent();
        for (UI other : VaadinSession.getCurrent().getUIs()) {
            if (other != here) {
                other.access(() -> other.getPage().setLocation("login"));
            }
        }
    }

    /** The page's end: the password is set, and the way to log in with it. */
    private void done(String username) {
        removeAll();
        H1 title = new H1("WalkRx");
        title.addClassName("login-title");
        Div panel = new Div();
        panel.addClassName("password-reset-done");
        panel.getElement().setAttribute("role", "status");
        panel.add(new H2("Your new password is set"),
                new Paragraph("Log in with your username " + username + " and the password you just chose. "
                        + "You were logged out everywhere else, and the code no longer works."));
        Anchor login = new Anchor("login", "Log in");
        login.addClassName("primary-link");
        login.setId("login-link");
        add(title, panel, login);
    }
}
