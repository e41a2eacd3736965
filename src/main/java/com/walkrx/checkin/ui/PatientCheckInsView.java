package com.walkrx.checkin.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.ui.RouteIds;
import com.walkrx.checkin.CheckInService;
import com.walkrx.patient.PatientRecord;
import com.walkrx.patient.PatientService;
import jakarta.annotation.security.RolesAllowed;

/** A patient's check-ins for their clinicians and the clinic's admins. */
@Route("patients/:id/check-ins")
@PageTitle("Check-ins | WalkRx")
@RolesAllowed({"CLINICIAN", "ADMIN"})
@StyleSheet("context://styles/checkin.css")
public class PatientCheckInsView extends Div implements BeforeEnterObserver {

    private final CheckInService checkIns;
    private final PatientService patients;
    private final CurrentUser currentUser;

    PatientCheckInsView(CheckInService checkIns, PatientService patients, CurrentUser currentUser) {
        this.checkIns = checkIns;
        this.patients = patients;
        this.currentUser = currentUser;
        addClassNames("patient-check-ins-view", "checkin-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Caller caller = currentUser.require();
        long id = RouteIds.require(event, "id", "Patient");
        PatientRecord patient = patients.get(caller, id);
        add(new H2("Check-ins of " + patient.fullName()), new CheckInList(checkIns, caller, id));
    }
}
