package com.walkrx.checkin.ui;

import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.walkrx.plan.ui.TodayView;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import java.time.LocalDate;

/**
 * What the browserless tests of the check-in form on the Today page share: a patient of a care team of their
 * own, logged in on Today on a set date, and the form's answer groups by id.
 */
abstract class TodayCheckInTest extends BrowserlessTest {

    /** The patient on the Today page. */
    long patient;

    /** A new care team's patient logs in on that date and opens Today. */
    void openTodayOn(LocalDate date) {
        clock.setDate(date);
        TestData.CareTeam team = data.careTeam();
        patient = team.patient();
        team.patientUser().login();
        navigate("today", TodayView.class);
    }

    @SuppressWarnings("unchecked")
    <T> RadioButtonGroup<T> group(String id) {
        return (RadioButtonGroup<T>) $(RadioButtonGroup.class).id(id);
    }
}
