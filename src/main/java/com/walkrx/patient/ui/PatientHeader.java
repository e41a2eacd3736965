package com.walkrx.patient.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.walkrx.base.ui.Toasts;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.Caller;
import com.walkrx.patient.Acuity;
import com.walkrx.patient.IssuedActivationCode;
import com.walkrx.patient.PatientOverview;
import com.walkrx.patient.PatientRecord;
import com.walkrx.patient.PatientService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * The top of a patient's chart: name, age, condition, acute or chronic with onset, surgery and the
 * surgeon's clearance. Clinicians on the care team can record surgery and clearance here, and issue a
 * new activation code while the patient has no login. Construct it with the caller of the page; reading
 * the record is audited like any other read.
 */
public class PatientHeader extends Div {

    private final PatientService patients;
    private final Caller caller;
    private final long patientId;
    private final List<Consumer<PatientRecord>> changeListeners = new ArrayList<>();
    private PatientOverview overview;

    /** Loads the patient (not found if the caller may not read them) and shows the header. */
    public PatientHeader(PatientService patients, Caller caller, long patientId) {
        this.patients = patients;
        this.caller = caller;
        this.patientId = patientId;
        addClassName("patient-header");
        refresh();
    }

    /** Runs after this header recorded a change, with the updated record, so the page can refresh. */
    public void addChangeListener(Consumer<PatientRecord> listener) {
        changeListeners.add(listener);
    }

    /** The record as last shown. */
    public PatientRecord patient() {
        return overview.patient();
    }

    /** Reloads and redraws. */
    public void refresh() {
        overview = patients.overview(caller, patientId);
        removeAll();
        PatientRecord p = overview.patient();

        H2 name = new H2(p.fullName());
        name.addClassName("patient-name");

        Div facts = new Div();
        facts.addClassName("patient-facts");
        facts.add(fact("Age", overview.age() + " (born " + FormSupport.shortDate(p.dateOfBirth()) + ")"),
                fact("Condition", p.condition().label()),
                fact(p.acuity() == Acuity.ACUTE ? "Acute" : "Chronic",
                        p.onsetDate() == null ? "onset not recorded" : "since " + FormSupport.shortDate(p.onsetDate())));

        Div surgery = new Div();
        surgery.addClassName("patient-surgery");
        if (p.surgeryDate() == null) {
            surgery.add(fact("Surgery", "none recorded"));
        } else {
            surgery.add(fact("Surgery", FormSupport.shortDate(p.surgeryDate())));
            if (p.surgeonClearanceDate() != null) {
                String limits = p.surgeonClearanceLimits() == null ? "no limits set" : "limits: " + p.surgeonClearanceLimits();
                surgery.add(fact("Surgeon's clearance", FormSupport.shortDate(p.surgeonClearanceDate()) + ", " + limits));
            } else {
                Span missing = fact("Surgeon's clearance", overview.clearanceMissing()
                        ? "missing: no walking plan until it is recorded" : "not recorded");
                if (overview.clearanceMissing()) {
                    missing.addClassName("clearance-missing");
                }
                surgery.add(missing);
            }
        }

        Span account = fact("Login", p.hasAccount() ? "active" : "not yet created (awaiting activation)");
        account.addClassName("patient-account");

        add(name, facts, ContactLinks.of(p.contact()), surgery, account);

        if (overview.callerMayCare()) {
            HorizontalLayout actions = new HorizontalLayout();
            actions.addClassName("patient-header-actions");
            actions.setWrap(true);
            Button recordSurgery = new Button(p.surgeryDate() == null ? "Record surgery" : "Change surgery date",
                    e -> surgeryDialog().open());
            recordSurgery.addClassName("record-surgery");
            Button recordClearance = new Button("Record clearance", VaadinIcon.CHECK.create(), e -> clearanceDialog().open());
            recordClearance.addClassName("record-clearance");
            recordClearance.setEnabled(p.surgeryDate() != null);
            if (p.surgeryDate() == null) {
                recordClearance.setTooltipText("Record the surgery date first");
            } else if (p.surgeonClearanceDate() == null) {
                recordClearance.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            Button editDetails = new Button("Edit details", VaadinIcon.EDIT.create(), e -> {
                PatientDetailsDialog dialog = new PatientDetailsDialog(patients, caller, overview.patient());
                dialog.addSavedListener(saved -> {
                    refresh();
                    Toasts.show("Saved.", 3000, NotificationVariant.LUMO_SUCCESS);
                    changeListeners.forEach(l -> l.accept(saved.record()));
                });
                dialog.open();
            });
            editDetails.addClassName("edit-details");
            actions.add(editDetails, recordSurgery, recordClearance);
            if (!p.hasAccount()) {
                Button newCode = new Button("New activation code", e -> confirmIssueCode());
                newCode.addClassName("new-activation-code");
                actions.add(newCode);
            }
            add(actions);
        }
    }

    private static Span fact(String label, String value) {
        Span fact = new Span();
        fact.addClassName("patient-fact");
        Span l = new Span(label + ": ");
        l.addClassName("fact-label");
        fact.add(l, new Span(value));
        return fact;
    }

    Dialog clearanceDialog() {
        PatientRecord p = overview.patient();
        Dialog dialog = dialog("clearance-dialog", "Record the surgeon's clearance");
        DatePicker date = FormSupport.datePicker("Clearance date");
        date.setId("clearance-date");
        date.setMin(p.surgeryDate());
        date.setValue(p.surgeonClearanceDate());
        TextArea limits = new TextArea("Limits the surgeon set");
        limits.setId("clearance-limits");
        limits.setHelperText("Copied into the walking plan, e.g. \"no hills for 4 weeks\". Leave empty if none.");
        limits.setMaxLength(500);
        limits.setWidthFull();
        limits.setValue(p.surgeonClearanceLimits() == null ? "" : p.surgeonClearanceLimits());
        dialog.add(new Paragraph("Surgery on " + FormSupport.date(p.surgeryDate()) + "."), date, limits);
        footer(dialog, "Save clearance", "save-clearance", Map.of("date", date, "limits", limits),
                () -> patients.recordClearance(caller, patientId, date.getValue(), limits.getValue(), p.version()));
        return dialog;
    }

    Dialog surgeryDialog() {
        PatientRecord p = overview.patient();
        Dialog dialog = dialog("surgery-dialog", "Record back surgery");
        DatePicker date = FormSupport.datePicker("Surgery date");
        date.setId("surgery-date");
        date.setValue(p.surgeryDate());
        Paragraph note = new Paragraph("After surgery within the last 12 weeks, no walking plan starts until the "
                + "surgeon's clearance is recorded. A surgery after the clearance on record replaces that clearance.");
        dialog.add(note, date);
        footer(dialog, "Save surgery date", "save-surgery", Map.of("date", date),
                () -> patients.recordSurgery(caller, patientId, date.getValue(), p.version()));
        return dialog;
    }

    private static Dialog dialog(String className, String title) {
        Dialog dialog = new Dialog();
        dialog.addClassName(className);
        dialog.setHeaderTitle(title);
        return dialog;
    }

    /** Cancel, and the primary button that saves through {@code action} (see {@link #save}). */
    private void footer(Dialog dialog, String saveText, String saveClass, Map<String, HasValidation> fields,
                        java.util.function.Supplier<PatientRecord> action) {
        Button save = new Button(saveText, e -> save(dialog, fields, action));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName(saveClass);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    }

    private void save(Dialog dialog, Map<String, HasValidation> fields,
                      java.util.function.Supplier<PatientRecord> action) {
        FormSupport.clear(fields);
        try {
            PatientRecord updated = action.get();
            dialog.close();
            refresh();
            Toasts.show("Saved.", 3000, NotificationVariant.LUMO_SUCCESS);
            changeListeners.forEach(l -> l.accept(updated));
        } catch (InvalidInputException e) {
            FormSupport.show(e, fields, Map.of("date", "The date", "limits", "The limits"));
        } catch (ObjectOptimisticLockingFailureException e) {
            dialog.close();
            refresh();
            Notification n = Notification.show("Someone else changed this patient's record at the same time. "
                    + "It has been reloaded: check it and enter your change again.", 8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    private void confirmIssueCode() {
        String name = overview.patient().givenName() + " " + overview.patient().familyName();
        ConfirmDialog confirm = new ConfirmDialog("Issue a new activation code for " + name + "?",
                "The new code is shown next, once. Codes given to " + name + " before stop working.", "Issue code",
                e -> issueCode());
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("primary");
        confirm.addClassName("confirm-new-activation-code");
        confirm.open();
    }

    private void issueCode() {
        Dialog dialog = dialog("new-code-dialog", "New activation code");
        try {
            IssuedActivationCode code = patients.issueNewActivationCode(caller, patientId);
            Span text = new Span(code.code());
            text.addClassName("activation-code");
            dialog.add(new Paragraph("Give " + overview.patient().givenName() + " this code. Earlier codes no "
                            + "longer work. It is shown only now."), text,
                    new Paragraph("Go to " + FormSupport.appUrl() + "/activate and enter this code; valid until "
                            + FormSupport.date(code.validUntil()) + "."));
        } catch (ConflictException e) {
            dialog.add(new Paragraph("This patient has already created their login."));
            refresh();
        }
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }
}
