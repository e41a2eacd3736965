package com.walkrx.patient.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.Caller;
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
        PatientFields core = new PatientFields("Acute");
        core.givenName.setManualValidation(true);
        core.familyName.setManualValidation(true);
        core.show(p);
        ContactFields contact = new ContactFields();
        contact.show(p.contact());

        core.register(fields);
        contact.register(fields);

        FormLayout form = new FormLayout();
        core.components().forEach(form::add);
        contact.components().forEach(form::add);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("520px", 2));
        add(new Paragraph("Every change is kept in the patient's history with your name."), form);

        Button save = new Button("Save details", e -> {
            FormSupport.clear(fields);
            EnrolmentCommand was = EnrolmentCommand.of(p);
            EnrolmentCommand updated = new EnrolmentCommand(core.givenName.getValue(), core.familyName.getValue(),
                    core.dateOfBirth.getValue(), core.condition.getValue(), core.acuity.getValue(),
                    core.onsetDate.getValue(),
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
