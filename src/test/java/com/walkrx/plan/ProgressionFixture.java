package com.walkrx.plan;

import com.walkrx.base.security.Role;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the progression tests ({@link ProgressionRunTest}, {@link ProgressionPendingTest}) share: the beans they
 * drive and a clinician whose patient is on a plan.
 */
abstract class ProgressionFixture extends SpringTest {

    @Autowired
    PlanService plans;
    @Autowired
    ProgressionSchedule schedule;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DataSource dataSource;

    long clinic;
    TestData.User clinician;

    /**
     * On that day: a clinician of a clinic of their own, logged in, and a patient of theirs whose plan of that
     * template starts then and is active. Returns the patient.
     */
    long patientOnPlan(LocalDate day, Template template) {
        clock.setDate(day);
        clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, clinician);
        clinician.login();
        plans.assign(clinician.caller(), patient, template, day, true, null);
        return patient;
    }
}
