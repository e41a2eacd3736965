package com.walkrx.base.ui;

import com.vaadin.flow.component.textfield.PasswordField;

/** The "choose a password, then type it again" pair of the activation, reset and change-password forms. */
public final class NewPassword {

    private NewPassword() {
    }

    /** True when {@code repeat} holds what was typed in {@code chosen}; otherwise {@code repeat} shows {@code mismatch}. */
    public static boolean repeated(PasswordField chosen, PasswordField repeat, String mismatch) {
        if (chosen.getValue().equals(repeat.getValue())) {
            return true;
        }
        repeat.setErrorMessage(mismatch);
        repeat.setInvalid(true);
        return false;
    }
}
