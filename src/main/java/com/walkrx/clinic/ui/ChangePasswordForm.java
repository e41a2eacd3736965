package com.walkrx.clinic.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.SessionAuthentication;
import com.walkrx.base.ui.NewPassword;
import com.walkrx.clinic.LoginsService;
import com.walkrx.clinic.PasswordPolicy;
import java.time.Instant;

/** Changing one's own password: this session stays logged in, every other session and token ends. */
class ChangePasswordForm extends VerticalLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField chosen = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("New password again");
    final Button save = new Button("Change password");

    ChangePasswordForm(LoginsService logins, Caller caller) {
        setPadding(false);
        addClassName("change-password-form");
        current.setId("current-password");
        current.getElement().setAttribute("autocomplete", "current-password");
        chosen.setId("new-password");
        chosen.setHelperText(PasswordPolicy.HINT);
        chosen.setMaxLength(PasswordPolicy.MAX_LENGTH);
        chosen.getElement().setAttribute("autocomplete", "new-password");
        repeat.setId("repeat-password");
        repeat.setMaxLength(PasswordPolicy.MAX_LENGTH);
        repeat.getElement().setAttribute("autocomplete", "new-password");
        for (PasswordField f : new PasswordField[] {current, chosen, repeat}) {
            f.setWidth("24em");
            f.setMaxWidth("100%");
            f.setManualValidation(true);
        }
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            current.setInvalid(false);
            chosen.setInvalid(false);
            repeat.setInvalid(false);
            if (!NewPassword.repeated(chosen, repeat, "The two new passwords are not the same.")) {
                return;
            }
            try {
                Instant validFrom = logins.changePassword(caller, current.getValue(), chosen.getValue(),
                        SessionAuthentication.sessionId(), null);
                SessionAuthentication.renewPasswordFactor(validFrom);
                current.clear();
                chosen.clear();
                repeat.clear();
                Notification.show("Your password is changed. You were logged out everywhere else.", 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException ex) {
                for (FieldProblem p : ex.problems()) {
                    PasswordField f = p.field().equals("currentPassword") ? current : chosen;
                    f.setErrorMessage((f == current ? "Your current password " : "The new password ") + p.message());
                    f.setInvalid(true);
                }
            }
        });
        add(current, chosen, repeat, save);
    }
}
