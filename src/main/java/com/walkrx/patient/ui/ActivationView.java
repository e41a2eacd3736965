package com.walkrx.patient.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocapitalize;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.ui.NewPassword;
import com.walkrx.patient.ActivatedAccount;
import com.walkrx.patient.ActivationService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a patient turns the code from their clinic into their own login. Reached without logging in;
 * built for a phone first.
 */
@Route(value = ActivationView.ROUTE, autoLayout = false)
@PageTitle("Create your login | WalkRx")
@AnonymousAllowed
public class ActivationView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "activate";

    private static final Map<String, String> LABELS = Map.of(
            "code", "The code", "username", "The username", "password", "The password");

    private final ActivationService activation;

    final TextField code = new TextField("Activation code");
    final TextField username = new TextField("Choose a username");
    final PasswordField password = new PasswordField("Choose a password");
    final PasswordField confirm = new PasswordField("Type the password again");
    final Button create = new Button("Create my login");
    private final Div message = new Div();
    private final VerticalLayout form = new VerticalLayout();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    ActivationView(ActivationService activation) {
        this.activation = activation;
        addClassNames("activation-view", "patient-page");
        setAlignItems(Alignment.STRETCH);

        H1 brand = new H1("WalkRx");
        brand.addClassName("login-title");
        H2 title = new H2("Create your login");
        Paragraph intro = new Paragraph("Your clinic gave you a one-time activation code. Enter it here and "
                + "choose the username and password you will log in with.");

        code.setId("code");
        code.setHelperText("12 letters and digits, for example K7QX-3MPA-9TRW. Dashes and spaces do not matter.");
        code.setAutocapitalize(Autocapitalize.CHARACTERS);
        code.setAutocomplete(Autocomplete.OFF);
        code.setMaxLength(30);
        code.setRequiredIndicatorVisible(true);

        username.setId("username");
        username.setHelperText(ActivationService.USERNAME_RULE.substring(0, 1).toUpperCase()
                + ActivationService.USERNAME_RULE.substring(1) + ".");
        username.setAutocapitalize(Autocapitalize.NONE);
        username.setAutocomplete(Autocomplete.USERNAME);
        username.setMaxLength(50);
        username.setRequiredIndicatorVisible(true);

        password.setId("password");
        password.setHelperText(ActivationService.PASSWORD_HINT);
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        password.setRequiredIndicatorVisible(true);

        confirm.setId("confirm");
        confirm.setAutocomplete(Autocomplete.NEW_PASSWORD);
        confirm.setRequiredIndicatorVisible(true);

        fields.put("code", code);
        fields.put("username", username);
        fields.put("password", password);
        fields.put("confirm", confirm);
        fields.values().forEach(f -> {
            ((com.vaadin.flow.component.HasSize) f).setWidthFull();
            if (f instanceof TextField t) {
                t.setManualValidation(true);
            } else if (f instanceof PasswordField p) {
                p.setManualValidation(true);
            }
        });

        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        create.setWidthFull();
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(e -> submit());

        message.addClassName("form-error");
        message.getElement().setAttribute("role", "alert");
        message.setVisible(false);

        form.setPadding(false);
        form.add(message, code, username, password, confirm, create);
        Anchor login = new Anchor("login", "I already have a login");
        login.addClassName("secondary-link");
        add(brand, title, intro, form, login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // A link like /activate?code=K7QX-3MPA-9TRW fills the code in: ActivationLinkFilter took it out of
        // the address and kept it in the session, once.
        var session = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (session != null && session.getSession() != null
                && session.getSession().getAttribute(ActivationLinkFilter.SESSION_KEY) instanceof String given) {
            session.getSession().removeAttribute(ActivationLinkFilter.SESSION_KEY);
            if (code.isEmpty()) {
                code.setValue(given);
            }
        }
    }

    private void submit() {
        FormSupport.clear(fields);
        message.setVisible(false);
        if (!NewPassword.repeated(password, confirm,
                "The two passwords are not the same. Type the password again.")) {
            showMessage("Please correct the marked fields.");
            return;
        }
        try {
            done(activation.activate(code.getValue(), username.getValue(), password.getValue()));
        } catch (InvalidInputException e) {
            List<FieldProblem> rest = FormSupport.show(e, fields, LABELS);
            showMessage("Please correct the marked fields." + (rest.isEmpty() ? "" : " " + rest));
        } catch (ConflictException e) {
            username.setErrorMessage("This username is already taken. Please choose another.");
            username.setInvalid(true);
            showMessage("Please correct the marked fields.");
        }
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    private void done(ActivatedAccount account) {
        removeAll();
        H1 brand = new H1("WalkRx");
        brand.addClassName("login-title");
        Div panel = new Div();
        panel.addClassName("activation-done");
        panel.getElement().setAttribute("role", "status");
        panel.add(new H2("Your login is ready"),
                new Paragraph("Log in with your username " + account.username() + " and the password you just chose."));
        Anchor login = new Anchor("login", "Log in");
        login.addClassName("primary-link");
        login.setId("login-link");
        add(brand, panel, login);
    }
}
