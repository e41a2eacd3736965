package com.walkrx.patient.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.time.ClinicZones;
import com.walkrx.patient.Enrolment;
import com.walkrx.patient.EnrolmentCommand;
import com.walkrx.patient.PatientRecord;
import com.walkrx.patient.PatientService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A clinician enrols a patient; the one-time activation code is shown once, on the page that follows,
 * with what to tell the patient.
 */
@Route("patients/new")
@PageTitle("Enrol patient | WalkRx")
@Menu(order = 5, title = "Enrol patient", icon = "vaadin:plus-circle")
@RolesAllowed("CLINICIAN")
public class EnrolPatientView extends VerticalLayout {

    private static final Map<String, String> LABELS = labels(
            "givenName", "Given name", "familyName", "Family name", "dateOfBirth", "Date of birth",
            "condition", "Condition", "acuity", "Acute or chronic", "onsetDate", "Onset date",
            "surgeryDate", "Surgery date", "surgeonClearanceDate", "Surgeon's clearance date",
            "surgeonClearanceLimits", "Surgeon's limits");

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new LinkedHashMap<>(ContactFields.LABELS);
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(labels);
    }

    private final PatientService patients;
    private final CurrentUser currentUser;

    private final PatientFields core = new PatientFields("Acute (episode under 6 weeks old)");
    private final DatePicker surgeryDate = FormSupport.datePicker("Surgery date (if any)");
    private final DatePicker clearanceDate = FormSupport.datePicker("Surgeon's clearance date");
    private final TextArea clearanceLimits = new TextArea("Surgeon's limits");
    private final ContactFields contact = new ContactFields();
    private final Button enrol = new Button("Enrol patient");
    private final Div formError = new Div();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final VerticalLayout formPanel = new VerticalLayout();

    EnrolPatientView(PatientService patients, CurrentUser currentUser, ClinicZones zones, Clock clock) {
        this.patients = patients;
        this.currentUser = currentUser;
        addClassName("enrol-patient-view");
        setMaxWidth("900px");

        LocalDate today = zones.today(currentUser.require().clinicId(), clock); // the clinic's today
        core.givenName.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        core.familyName.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        core.dateOfBirth.setRequiredIndicatorVisible(true);
        core.dateOfBirth.setInitialPosition(today.minusYears(50));
        core.condition.setPlaceholder("Choose the condition");
        core.condition.setRequiredIndicatorVisible(true);
        core.acuity.setRequiredIndicatorVisible(true);

        core.onsetDate.setHelperText("When this episode of pain began; required for acute pain");
        surgeryDate.setHelperText("Back surgery, if the patient had any");
        clearanceDate.setHelperText("When the surgeon cleared the patient to walk");
        clearanceLimits.setHelperText("Any limits the surgeon set, e.g. \"no hills for 4 weeks\"; at most 500 characters");
        clearanceLimits.setMaxLength(500);

        core.register(fields);
        fields.put("surgeryDate", surgeryDate);
        fields.put("surgeonClearanceDate", clearanceDate);
        fields.put("surgeonClearanceLimits", clearanceLimits);
        contact.register(fields);
        fields.forEach((name, f) -> ((com.vaadin.flow.component.Component) f).setId(name));

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        H3 surgeryHeading = new H3("Back surgery");
        surgeryHeading.addClassName("form-section");
        core.components().forEach(form::add);
        H3 contactHeading = new H3("Contact");
        contactHeading.addClassName("form-section");
        form.add(contactHeading, 2);
        contact.components().forEach(form::add);
        form.add(surgeryHeading, 2);
        form.add(surgeryDate, clearanceDate);
        form.add(clearanceLimits, 2);
        form.setColspan(core.acuity, 2);

        enrol.setId("enrol");
        enrol.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        enrol.addClickListener(e -> submit());

        formError.addClassName("form-error");
        formError.getElement().setAttribute("role", "alert");
        formError.setVisible(false);

        Paragraph intro = new Paragraph("Enter the patient's details. You join their care team, and they get a "
                + "one-time code to create their own login.");
        formPanel.setPadding(false);
        formPanel.add(intro, formError, form, enrol);
        add(new H2("Enrol a patient"), formPanel);
    }

    private void submit() {
        FormSupport.clear(fields);
        formError.setVisible(false);
        EnrolmentCommand command = new EnrolmentCommand(core.givenName.getValue(), core.familyName.getValue(),
                core.dateOfBirth.getValue(), core.condition.getValue(), core.acuity.getValue(),
                core.onsetDate.getValue(), surgeryDate.getValue(), clearanceDate.getValue(), clearanceLimits.getValue(),
                contact.phone.getValue(), contact.email.getValue(), contact.emergencyName.getValue(),
                contact.emergencyPhone.getValue());
        try {
            showCode(patients.enrol(currentUser.require(), command));
        } catch (InvalidInputException e) {
            List<FieldProblem> rest = FormSupport.show(e, fields, LABELS);
            formError.setText("Please correct the marked fields." + (rest.isEmpty() ? ""
                    : " " + String.join(" ", rest.stream().map(p -> p.field() + " " + p.message() + ".").toList())));
            formError.setVisible(true);
        }
    }

    private void showCode(Enrolment enrolment) {
        PatientRecord p = enrolment.patient();
        remove(formPanel);
        Div panel = new Div();
        panel.addClassName("activation-code-panel");
        panel.getElement().setAttribute("role", "status");

        H3 done = new H3(p.fullName() + " is enrolled");
        Paragraph lead = new Paragraph("Give " + p.givenName() + " this one-time activation code for their own "
                + "login. It is shown only now: write it down or print this page before you leave it.");
        Span code = new Span(enrolment.activationCode().code());
        code.addClassName("activation-code");
        code.setId("activation-code");
        String url = FormSupport.appUrl() + "/activate";
        Div instructions = new Div();
        instructions.addClassName("activation-instructions");
        instructions.add(new Paragraph("Instructions for " + p.givenName() + ":"),
                new Paragraph("Go to " + url + " and enter this code, on your phone or computer. "
                        + "Then choose a username and a password of at least 12 characters."),
                new Paragraph("The code is valid until " + FormSupport.date(enrolment.activationCode().validUntil())
                        + ". If it expires, ask your clinic for a new one."));

        Button print = new Button("Print", e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        Button another = new Button("Enrol another patient", e -> getUI().ifPresent(ui -> ui.getPage().reload()));
        another.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(print, another);
        actions.addClassName("no-print");
        panel.add(done, lead, code, instructions, actions);
        add(panel);
    }
}
