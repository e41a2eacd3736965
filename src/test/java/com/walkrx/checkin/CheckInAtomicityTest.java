package com.walkrx.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.clinical.Surface;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A check-in, its walks, its flags and its success audit entry commit together or not at all; a refused or
 * failed attempt is still audited, on its own.
 */
@WalkRxTest
class CheckInAtomicityTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Autowired
    CheckInService checkIns;

    long patient;
    TestData.User patientUser;

    @BeforeEach
    void setUp() {
        clock.setDate(TODAY);
        TestData.CareTeam team = data.careTeam();
        patient = team.patient();
        patientUser = team.patientUser();
        patientUser.login();
    }

    /** The clock and the login are reset by {@link WalkRxTest}'s extension. */
    @AfterEach
    void tearDown() {
        ProbeEvaluator.disarm(patient);
    }

    private CheckInCommand walk() {
        return CheckInCommand.walks(TODAY, WalkEntry.of(10, Surface.FLAT, 4, 3, false),
                WalkEntry.of(15, Surface.INCLINE, 3, 3, false));
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table + " where patient_id = ?").param(patient)
                .query(Long.class).single();
    }

    private List<String> audits(boolean allowed) {
        return jdbc.sql("select action || ': ' || coalesce(detail, '-') from audit_event where patient_id = ? "
                        + "and allowed = ? order by id")
                .params(patient, allowed).query(String.class).list();
    }

    @Test
    void a_recorded_check_in_commits_with_its_walks_and_one_success_audit_entry() {
        CheckInReply reply = checkIns.record(patientUser.caller(), walk(), null);

        assertThat(reply.id()).isPositive();
        assertThat(rows("check_in")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from walk where check_in_id = ?").param(reply.id())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(audits(true)).containsExactly("RECORDED_CHECK_IN: -");
    }

    @Test
    void when_the_evaluation_fails_nothing_is_stored_and_the_failed_attempt_is_audited() {
        ProbeEvaluator.arm(patient, ProbeEvaluator.Behaviour.FAIL);

        assertThatThrownBy(() -> checkIns.record(patientUser.caller(), walk(), null))
                .isInstanceOf(IllegalStateException.class);

        assertThat(rows("check_in")).isZero();
        assertThat(rows("walk")).isZero();
        // the success entry rolled back with the check-in; the attempt has an entry of its own
        assertThat(audits(true)).containsExactly("RECORDED_CHECK_IN: not stored: IllegalStateException");
    }

    @Test
    void a_date_outside_the_window_stores_nothing_and_is_audited_as_not_stored() {
        assertThatThrownBy(() -> checkIns.record(patientUser.caller(),
                CheckInCommand.walks(TODAY.minusDays(8), WalkEntry.of(10, Surface.FLAT, 4, 3, false)), null))
                .isInstanceOf(com.walkrx.base.api.InvalidInputException.class);
        assertThat(rows("check_in")).isZero();
        assertThat(audits(true)).singleElement().asString().startsWith("RECORDED_CHECK_IN: not stored: date:");
    }

    @Test
    void a_caller_no_longer_linked_to_the_patient_record_is_refused_audited_as_denied_and_nothing_is_stored() {
        jdbc.sql("update patient set user_id = null where id = ?").param(patient).update();

        assertThatThrownBy(() -> checkIns.record(patientUser.caller(), walk(), null))
                .isInstanceOf(NotFoundException.class);

        assertThat(rows("check_in")).isZero();
        assertThat(rows("walk")).isZero();
        assertThat(audits(true)).isEmpty();
        assertThat(audits(false)).containsExactly("ACCESS_DENIED: RECORDED_CHECK_IN");
    }

    @Test
    void a_repeated_request_stores_nothing_returns_the_first_reply_and_is_audited_as_a_repeat() {
        CheckInReply first = checkIns.record(patientUser.caller(), walk(), "key-1");
        CheckInReply again = checkIns.record(patientUser.caller(), walk(), "key-1");

        assertThat(again).isEqualTo(first);
        assertThat(rows("check_in")).isEqualTo(1);
        assertThat(rows("walk")).isEqualTo(2);
        assertThat(audits(true)).containsExactly("RECORDED_CHECK_IN: -",
                "RECORDED_CHECK_IN: repeated request: the first reply");
    }
}
