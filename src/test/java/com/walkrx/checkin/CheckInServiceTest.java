package com.walkrx.checkin;

import com.walkrx.base.clinical.Surface;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The service the UI and the API share: roles, the date window, the event, the audit trail. */
@WalkRxTest
@RecordApplicationEvents
class CheckInServiceTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Autowired
    CheckInService checkIns;
    @Autowired
    ApplicationEvents events;

    TestData.CareTeam team;

    @BeforeEach
    void setUp() {
        clock.setDate(TODAY);
        team = data.careTeam();
    }

    @Test
    void a_recorded_check_in_is_announced_and_audited_with_its_walks_in_order() {
        team.patientUser().login();
        CheckInReply reply = checkIns.record(team.patientUser().caller(), CheckInCommand.walks(TODAY.minusDays(2),
                WalkEntry.of(10, Surface.FLAT, 4, 3, false), WalkEntry.of(20, Surface.INCLINE, 3, 3, false),
                WalkEntry.of(5, Surface.HILL, 3, 6, true)), null);

        assertThat(events.stream(CheckInRecorded.class))
                .containsExactly(new CheckInRecorded(team.clinic(), team.patient(), reply.id(), TODAY.minusDays(2)));
        // The sharp-pain walk is advice for the therapist; it does not pause anything.
        assertThat(reply.flags()).extracting(f -> f.code()).containsExactly("SHARP_OR_SEVERE_PAIN");
        assertThat(reply.planPaused()).isFalse();
        assertThat(checkIns.get(team.patientUser().caller(), reply.id()).walks()).extracting(w -> w.minutes().value())
                .containsExactly(10, 20, 5);
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and action = 'RECORDED_CHECK_IN' "
                + "and allowed").param(team.patient()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_date_window_is_checked_against_the_clinics_today_also_for_commands() {
        team.patientUser().login();
        assertThatThrownBy(() -> checkIns.record(team.patientUser().caller(),
                CheckInCommand.walks(TODAY.minusDays(8), WalkEntry.of(10, Surface.FLAT, 4, 3, false)), null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(FieldProblem::field)
                        .containsExactly("date"));
        clock.setDate(TODAY.plusDays(1));
        assertThat(checkIns.today()).isEqualTo(TODAY.plusDays(1));
        checkIns.record(team.patientUser().caller(),
                CheckInCommand.walks(TODAY.plusDays(1), WalkEntry.of(10, Surface.FLAT, 4, 3, false)), null);
        assertThat(events.stream(CheckInRecorded.class)).hasSize(1);
    }

    @Test
    void only_patients_may_record_and_read_their_own_check_ins() {
        team.clinician().login();
        CheckInCommand command = CheckInCommand.walks(TODAY, WalkEntry.of(10, Surface.FLAT, 4, 3, false));
        assertThatThrownBy(() -> checkIns.record(team.clinician().caller(), command, null))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> checkIns.mine(team.clinician().caller(), 0, 10))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(events.stream(CheckInRecorded.class)).isEmpty();
    }

    @Test
    void a_check_in_of_another_patient_is_not_found() {
        long other = data.patient(team.clinic(), team.clinician());
        TestData.User otherUser = data.patientUser(team.clinic(), other);
        otherUser.login();
        long theirs = checkIns.record(otherUser.caller(),
                new CheckInCommand(TODAY, PainScore.of(2), null, List.of(), null, null), null).id();

        team.patientUser().login();
        assertThatThrownBy(() -> checkIns.get(team.patientUser().caller(), theirs)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> checkIns.forPatient(team.patientUser().caller(), other, null, null, 0, 10))
                .isInstanceOf(NotFoundException.class);
        team.clinician().login();
        assertThat(checkIns.get(team.clinician().caller(), theirs).overallPain()).isEqualTo(PainScore.of(2));
    }
}
