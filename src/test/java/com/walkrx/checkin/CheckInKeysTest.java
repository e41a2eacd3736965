package com.walkrx.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.base.clinical.Surface;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The keys of check-ins and walks (V115): the clinic of a check-in or walk must be its patient's, checked by
 * the database; and recording a check-in takes no lock on the clinic's row.
 */
@WalkRxTest
class CheckInKeysTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Autowired
    CheckInService checkIns;
    @Autowired
    DataSource dataSource;

    TestData.CareTeam team;
    long otherClinic;

    @BeforeEach
    void setUp() {
        clock.setDate(TODAY);
        team = data.careTeam();
        otherClinic = data.clinic();
    }

    @Test
    void a_check_in_with_a_clinic_other_than_its_patients_is_refused() {
        long id = jdbc.sql("select nextval('check_in_seq')").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("insert into check_in (id, clinic_id, patient_id, date) values (?, ?, ?, ?)")
                .params(id, otherClinic, team.patient(), TODAY).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("check_in_patient_clinic_fkey");
        assertThat(jdbc.sql("select count(*) from check_in where patient_id = ?").param(team.patient())
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_check_in_of_a_patient_that_does_not_exist_is_refused() {
        long id = jdbc.sql("select nextval('check_in_seq')").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("insert into check_in (id, clinic_id, patient_id, date) values (?, ?, ?, ?)")
                .params(id, team.clinic(), -team.patient(), TODAY).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_walk_with_a_clinic_other_than_its_patients_is_refused() {
        team.patientUser().login();
        CheckInReply reply = checkIns.record(team.patientUser().caller(),
                CheckInCommand.walks(TODAY, WalkEntry.of(10, Surface.FLAT, 3, 3, false)), null);
        long walkId = jdbc.sql("select nextval('walk_seq')").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into walk (id, check_in_id, clinic_id, patient_id, date, position, minutes, surface,
                                          pain_before, pain_after, sharp_pain)
                        values (?, ?, ?, ?, ?, 1, 10, 'FLAT', 3, 3, false)""")
                .params(walkId, reply.id(), otherClinic, team.patient(), TODAY).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("walk_patient_clinic_fkey");
        assertThat(jdbc.sql("select count(*) from walk where patient_id = ?").param(team.patient())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void recording_a_check_in_takes_no_lock_on_the_clinic_row() throws Exception {
        try (Connection holder = dataSource.getConnection(); Connection writer = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from clinic where id = ? for update")) {
                lock.setLong(1, team.clinic());
                lock.executeQuery().close();
            }
            // A key-share lock on the clinic row (the old clinic foreign keys) would wait for the holder: a writer
            // that may not wait fails instead of hanging.
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                s.execute("set local lock_timeout = '5s'");
            }
            long checkInId;
            try (Statement s = writer.createStatement()) {
                var rs = s.executeQuery("select nextval('check_in_seq'), nextval('walk_seq')");
                rs.next();
                checkInId = rs.getLong(1);
                long walkId = rs.getLong(2);
                s.executeUpdate("insert into check_in (id, clinic_id, patient_id, date) values (" + checkInId + ", "
                        + team.clinic() + ", " + team.patient() + ", date '" + TODAY + "')");
                s.executeUpdate("insert into walk (id, check_in_id, clinic_id, patient_id, date, position, minutes, "
                        + "surface, pain_before, pain_after, sharp_pain) values (" + walkId + ", " + checkInId + ", "
                        + team.clinic() + ", " + team.patient() + ", date '" + TODAY + "', 0, 10, 'FLAT', 3, 3, false)");
            }
            writer.commit();
            holder.rollback();
            assertThat(jdbc.sql("select count(*) from walk where check_in_id = ?").param(checkInId)
                    .query(Long.class).single()).isEqualTo(1);
        }
    }
}
