package com.walkrx.clinic.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.Caller;
import com.walkrx.clinic.MfaService;
import java.util.List;

/**
 * Setting up an authenticator app: a QR code (and the key to type in instead), then a code from the app
 * to confirm; fires {@link ConfirmedEvent} with the recovery codes.
 */
class TotpSetup extends VerticalLayout {

    /** The factor is active; the recovery codes are to be shown once. */
    static class ConfirmedEvent extends ComponentEvent<TotpSetup> {
        private final List<String> recoveryCodes;

        ConfirmedEvent(TotpSetup source, List<String> recoveryCodes) {
            super(source, false);
            this.recoveryCodes = recoveryCodes;
        }

        List<String> recoveryCodes() {
            return recoveryCodes;
        }
    }

    final TextField code = new TextField("6-digit code from the app");
    final Button confirm = new Button("Confirm");

    TotpSetup(MfaService mfa, Caller caller) {
        addClassName("totp-setup");
        setPadding(false);
        MfaService.TotpEnrolment enrolment = mfa.beginTotp(caller);

        OrderedList steps = new OrderedList(
                new ListItem("Open an authenticator app on your phone (for example Google Authenticator, Microsoft "
                        + "Authenticator, FreeOTP or your password manager)."),
                new ListItem("Add an account by scanning this QR code."),
                new ListItem("Type the 6-digit code the app shows, then Confirm."));
        Span key = new Span(group(enrolment.secret()));
        key.addClassName("totp-secret");
        key.setId("totp-secret");
        Div manual = new Div(new Span("Cannot scan? Enter this key in the app (time-based): "), key);
        manual.addClassName("hint");

        code.setId("totp-code");
        code.setAllowedCharPattern("[0-9 ]");
        code.setMaxLength(7);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "numeric");
        code.setManualValidation(true);
        confirm.setId("totp-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        confirm.addClickListener(e -> {
            try {
                List<String> codes = mfa.confirmTotp(caller, code.getValue());
                fireEvent(new ConfirmedEvent(this, codes));
            } catch (InvalidInputException ex) {
                code.setErrorMessage("That is not the app's current code. Check the app and type the code it shows now.");
                code.setInvalid(true);
            }
        });
        Component qr = QrCodeImage.of(enrolment.otpauthUri(), "QR code to add WalkRx to an authenticator app");
        add(steps, qr, manual, code, confirm);
    }

    Registration addConfirmedListener(com.vaadin.flow.component.ComponentEventListener<ConfirmedEvent> listener) {
        return addListener(ConfirmedEvent.class, listener);
    }

    private static String group(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** The recovery codes, shown once, with what they are for. */
    static Component recoveryCodes(List<String> codes) {
        Div box = new Div();
        box.addClassName("recovery-codes");
        box.setId("recovery-codes");
        box.add(new Paragraph("Your recovery codes. Each works once instead of a code from the app, if you lose "
                + "your phone. Keep them somewhere safe (printed, or in a password manager): they are shown only now."));
        OrderedList list = new OrderedList();
        codes.forEach(c -> list.add(new ListItem(c)));
        list.addClassName("recovery-code-list");
        box.add(list);
        return box;
    }
}
