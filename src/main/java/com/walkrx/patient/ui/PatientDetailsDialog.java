package com.walkrx.patient.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.Caller;
import com.walkrx.patient.Acuity;
import com.walkrx.patient.Condition;
import com.walkrx.patient.EnrolmentCommand;
import com.walkrx.patient.PatientRecord;
import com.walkrx.patient.PatientService;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Edit details": the care team changes a patient's enrolment fields and contact details after enrolment. The
 * service keeps every change in the patient's history and audits it; a {@link SavedEvent} tells the page.
 */
class PatientDetailsDialog extends Dialog {

    /** The record was saved. */
    static class SavedEvent extends ComponentEvent<PatientDetailsDialog> {
        private final PatientRecord record;

        SavedEvent(PatientDetailsDialog source, PatientRecord record) {
            super(source, false);
            this.record = record;
        }

        PatientRecord record() {
            return record;
        }
    }

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    PatientDetailsDialog(PatientService patients, Caller caller, PatientRecord p) {
        addClassName("patient-details-dialog");
        setHeaderTitle("Edit " + p.fullName() + "'s details");
        TextField givenName = new TextField("Given name");
        TextField familyName = new TextField("Family name");
        for (TextField name : new TextField[] {givenName, familyName}) {
            name.setMaxLength(100);
            name.setHelperText("At most 100 characters");
            name.setRequiredIndicatorVisible(true);
            name.setManualValidation(true);
        }
        givenName.setValue(p.givenName());
        familyName.setValue(p.familyName());
        DatePicker dateOfBirth = FormSupport.datePicker("Date of birth");
        dateOfBirth.setValue(p.dateOfBirth());
        Select<Condition> condition = new Select<>();
        condition.setLabel("Condition");
        condition.setItems(Condition.values());
        condition.setItemLabelGenerator(Condition::label);
        condition.setValue(p.condition());
        RadioButtonGroup<Acuity> acuity = new RadioButtonGroup<>("Acute or chronic");
        acuity.setItems(Acuity.values());
        acuity.setItemLabelGenerator(a -> a == Acuity.ACUTE ? "Acute" : "Chronic");
        acuity.setValue(p.acuity());
        DatePicker onset = FormSupport.datePicker("Onset date");
        onset.setValue(p.onsetDate());
        ContactFields contact = new ContactFields();
        contact.show(p.contact());

        fields.put("givenName", givenName);
        fields.put("familyName", familyName);
        fields.put("dateOfBirth", dateOfBirth);
        fields.put("condition", condition);
        fields.put("acuity", acuity);
        fields.put("onsetDate", onset);
        contact.register(fields);

        FormLayout form = new FormLayout(givenName, familyName, dateOfBirth, condition, acuity, onset);
        contact.components().forEach(form::add);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("520px", 2));
        add(new Paragraph("Every change is kept in the patient's history with your name."), form);

        Button save = new Button("Save details", e -> {
            FormSupport.clear(fields);
            EnrolmentCommand was = EnrolmentCommand.of(p);
            EnrolmentCommand updated = new EnrolmentCommand(givenName.getValue(), familyName.getValue(),
                    dateOfBirth.getValue(), condition.getValue(), acuity.getValue(), onset.getValue(),
                    was.surgeryDate(), was.surgeonClearanceDate(), was.surgeonClearanceLimits(),
                    contact.phone.getValue(), contact.email.getValue(), contact.emergencyName.getValue(),
                    contact.emergencyPhone.getValue());
            try {
                PatientRecord saved = patients.edit(caller, p.id(), updated, p.version());
                close();
                fireEvent(new SavedEvent(this, saved));
            } catch (InvalidInputException problem) {
                Map<String, String> labels = new LinkedHashMap<>(ContactFields.LABELS);
                labels.putAll(Map.of("givenName", "Given name", "familyName", "Family name", "dateOfBirth",
                        "Date of birth", "onsetDate", "Onset date", "condition", "Condition", "acuity", "Acuity"));
                FormSupport.show(problem, fields, labels);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("save-details");
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    Registration addSavedListener(ComponentEventListener<SavedEvent> listener) {
        return addListener(SavedEvent.class, listener);
    }
}
