package com.walkrx.clinic.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.walkrx.base.api.EmailAddress;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.Caller;
import com.walkrx.clinic.StaffService;
import com.walkrx.clinic.UserSummary;
import java.util.function.Consumer;

/**
 * Sets the e-mail address where escalations (an URGENT or HIGH flag nobody acknowledged in time) reach a staff
 * member. Bound to the staff member's id when opened, whatever the grid shows by the time it is saved.
 */
class StaffEmailDialog extends Dialog {

    StaffEmailDialog(StaffService staff, Caller caller, UserSummary member, Consumer<UserSummary> saved) {
        long userId = member.id();
        setHeaderTitle("E-mail address of " + member.displayName());
        addClassName("staff-email-dialog");
        setWidth("min(36rem, 95vw)");
        EmailField email = field();
        email.setValue(member.email() == null ? "" : member.email());
        add(new Paragraph("Escalations reach staff here: an URGENT flag nobody acknowledged within the clinic's time "
                + "(15 minutes by default) e-mails the patient's clinicians and the clinic admins. Leave it empty to "
                + "send them none."), email);
        Button save = new Button("Save", e -> {
            try {
                UserSummary updated = staff.setEmail(caller, userId, email.getValue());
                close();
                saved.accept(updated);
            } catch (InvalidInputException ex) {
                email.setErrorMessage("E-mail " + ex.problems().getFirst().message());
                email.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("save-staff-email");
        getFooter().add(new Button("Cancel", e -> close()), save);
        email.focus();
    }

    /** The e-mail field of the invite form and of this dialog. */
    static EmailField field() {
        EmailField email = new EmailField("E-mail (for escalations)");
        email.setMaxLength(EmailAddress.MAX_LENGTH);
        email.setClearButtonVisible(true);
        email.setManualValidation(true);
        email.setWidthFull();
        email.addClassName("staff-email");
        return email;
    }
}
