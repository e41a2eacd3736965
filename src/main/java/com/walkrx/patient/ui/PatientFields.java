package com.walkrx.patient.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.walkrx.patient.Acuity;
import com.walkrx.patient.Condition;
import com.walkrx.patient.PatientRecord;
import java.util.List;
import java.util.Map;

/**
 * The patient's own fields of the enrolment form and the "Edit details" dialog (names, birth date, condition,
 * acuity, onset), with their limits shown; each form adds what only it needs (hints, ids, required marks).
 */
final class PatientFields {

    final TextField givenName = name("Given name");
    final TextField familyName = name("Family name");
    final DatePicker dateOfBirth = FormSupport.datePicker("Date of birth");
    final Select<Condition> condition = new Select<>();
    final RadioButtonGroup<Acuity> acuity = new RadioButtonGroup<>("Acute or chronic");
    final DatePicker onsetDate = FormSupport.datePicker("Onset date");

    /** {@code acuteLabel}: how the "acute" choice reads, e.g. "Acute". */
    PatientFields(String acuteLabel) {
        condition.setLabel("Condition");
        condition.setItems(Condition.values());
        condition.setItemLabelGenerator(Condition::label);
        acuity.setItems(Acuity.values());
        acuity.setItemLabelGenerator(a -> a == Acuity.ACUTE ? acuteLabel : "Chronic");
    }

    private static TextField name(String label) {
        TextField name = new TextField(label);
        name.setMaxLength(100);
        name.setHelperText("At most 100 characters");
        name.setRequiredIndicatorVisible(true);
        return name;
    }

    List<Component> components() {
        return List.of(givenName, familyName, dateOfBirth, condition, acuity, onsetDate);
    }

    /** Adds the fields under the API's field names, in the form's order. */
    void register(Map<String, HasValidation> fields) {
        fields.put("givenName", givenName);
        fields.put("familyName", familyName);
        fields.put("dateOfBirth", dateOfBirth);
        fields.put("condition", condition);
        fields.put("acuity", acuity);
        fields.put("onsetDate", onsetDate);
    }

    void show(PatientRecord p) {
        givenName.setValue(p.givenName());
        familyName.setValue(p.familyName());
        dateOfBirth.setValue(p.dateOfBirth());
        condition.setValue(p.condition());
        acuity.setValue(p.acuity());
        onsetDate.setValue(p.onsetDate());
    }
}
