package com.walkrx.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.flag.CheckIns;
import com.walkrx.flag.FlagService;
import com.walkrx.flag.FlagView;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A patient's note reaches the clinicians (issue 20): on the flag of the check-in it came with, and as an "unread
 * notes" marker on each clinician's caseload that clears when that clinician (not a colleague) opens the chart.
 */
@WalkRxTest
class NotesReachTheClinicianTest extends SpringTest {

    @Autowired CaseloadService caseload;
    @Autowired PatientChartService charts;
    @Autowired FlagService flags;
    @Autowired CheckIns checkIns;

    private int unread(TestData.User user, long patient) {
        user.login();
        return caseload.page(user.caller(), CaseloadFilter.TRIAGE, 0, 50).items().stream()
                .filter(r -> r.id() == patient).findFirst().orElseThrow().unreadNotes();
    }

    @Test
    void a_note_is_unread_for_each_clinician_until_they_open_the_chart_and_shows_on_the_flag() {
        clock.setInstant(Instant.parse("2026-11-29T09:00:00Z"));
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        TestData.User colleague = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, clinician, colleague);
        long checkIn = checkIns.record(clinic, patient, LocalDate.of(2026, 11, 29), c -> c.pain(5).bladder()).checkInId();
        jdbc.sql("update check_in set notes = 'Some trouble holding urine since last night', recorded_at = ?"
                        + " where id = ?").param(java.sql.Timestamp.from(clock.instant())).param(checkIn).update();

        assertThat(unread(clinician, patient)).isEqualTo(1);
        assertThat(unread(colleague, patient)).isEqualTo(1);

        clinician.login();
        FlagView flag = flags.ofPatient(clinician.caller(), patient, null, 0, 5).items().getFirst();
        assertThat(flag.evidence().getFirst().patientNote()).isEqualTo("Some trouble holding urine since last night");

        charts.chart(clinician.caller(), patient, ChartRange.FOUR_WEEKS);
        assertThat(unread(clinician, patient)).isZero();
        assertThat(unread(colleague, patient)).as("per clinician").isEqualTo(1);

        clock.setInstant(Instant.parse("2026-11-29T10:00:00Z"));
        long later = checkIns.record(clinic, patient, LocalDate.of(2026, 11, 29), c -> c.pain(4)).checkInId();
        jdbc.sql("update check_in set notes = 'Better now', recorded_at = ? where id = ?")
                .param(java.sql.Timestamp.from(clock.instant())).param(later).update();
        assertThat(unread(clinician, patient)).as("a newer note is unread again").isEqualTo(1);
        assertThat(unread(colleague, patient)).isEqualTo(2);
    }
}
