package com.walkrx.flag.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.ui.RouteIds;
import com.walkrx.flag.FlagService;
import com.walkrx.patient.PatientRecord;
import com.walkrx.patient.PatientService;
import jakarta.annotation.security.RolesAllowed;

/** One patient's flags on a page of their own (the patient chart embeds the same {@link FlagTimeline}). */
@Route("patients/:patientId/flags")
@PageTitle("Flags | WalkRx")
@RolesAllowed({"CLINICIAN", "ADMIN"})
public class PatientFlagsView extends VerticalLayout implements BeforeEnterObserver {

    private final FlagService flags;
    private final PatientService patients;
    private final Caller caller;

    PatientFlagsView(FlagService flags, PatientService patients, CurrentUser currentUser) {
        this.flags = flags;
        this.patients = patients;
        this.caller = currentUser.require();
        addClassName("patient-flags-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long patientId = RouteIds.require(event, "patientId", "Patient");
        PatientRecord patient = patients.get(caller, patientId);
        removeAll();
        Anchor back = new Anchor("flags", "Open flags");
        back.addClassName("back-link");
        add(back, new H2(patient.fullName()), new FlagTimeline(flags, caller, patientId));
    }
}
