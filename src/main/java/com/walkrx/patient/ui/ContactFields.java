package com.walkrx.patient.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.walkrx.patient.PatientContact;
import java.util.List;
import java.util.Map;

/** The contact fields of the enrolment form and the "Edit details" dialog, with their limits shown. */
final class ContactFields {

    static final Map<String, String> LABELS = Map.of("phone", "Phone", "email", "E-mail",
            "emergencyContactName", "Emergency contact's name", "emergencyContactPhone", "Emergency contact's phone");

    final TextField phone = text("Phone (optional)", 30, "Digits, spaces and a leading +; at most 30 characters");
    final EmailField email = new EmailField("E-mail (optional)");
    final TextField emergencyName = text("Emergency contact's name (optional)", 100, "At most 100 characters");
    final TextField emergencyPhone = text("Emergency contact's phone", 30,
            "Needed with an emergency contact's name; at most 30 characters");

    ContactFields() {
        phone.setId("phone");
        phone.getElement().setAttribute("type", "tel");
        email.setId("email");
        email.setMaxLength(254);
        email.setHelperText("At most 254 characters");
        email.setManualValidation(true);
        emergencyName.setId("emergencyContactName");
        emergencyPhone.setId("emergencyContactPhone");
    }

    private static TextField text(String label, int max, String helper) {
        TextField field = new TextField(label);
        field.setMaxLength(max);
        field.setHelperText(helper);
        field.setManualValidation(true);
        return field;
    }

    List<com.vaadin.flow.component.Component> components() {
        return List.of(phone, email, emergencyName, emergencyPhone);
    }

    void register(Map<String, HasValidation> fields) {
        fields.put("phone", phone);
        fields.put("email", email);
        fields.put("emergencyContactName", emergencyName);
        fields.put("emergencyContactPhone", emergencyPhone);
    }

    void show(PatientContact c) {
        phone.setValue(c.phone() == null ? "" : c.phone());
        email.setValue(c.email() == null ? "" : c.email());
        emergencyName.setValue(c.emergencyContactName() == null ? "" : c.emergencyContactName());
        emergencyPhone.setValue(c.emergencyContactPhone() == null ? "" : c.emergencyContactPhone());
    }
}
