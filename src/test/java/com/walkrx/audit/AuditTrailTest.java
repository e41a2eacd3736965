package com.walkrx.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Role;
import com.walkrx.patient.PatientService;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;

/** The audit trail is append-only for the application, and an admin searches their clinic's part of it. */
@WalkRxTest
class AuditTrailTest extends SpringTest {

    @Autowired
    AuditService audit;
    @Autowired
    PatientService patients;
    @Autowired
    com.walkrx.plan.PlanService plans;

    @Test
    void the_application_database_user_cannot_update_audit_rows() {
        long id = anyAuditRow();
        assertThatThrownBy(() -> jdbc.sql("update audit_event set allowed = not allowed, detail = 'covered up' where id = ?")
                .param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select detail from audit_event where id = ?").param(id).query(String.class).optional())
                .isNotEqualTo(java.util.Optional.of("covered up"));
    }

    @Test
    void the_application_database_user_cannot_delete_audit_rows() {
        long id = anyAuditRow();
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_event where id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void a_refused_change_reads_as_allowed_and_not_done_with_the_reason_and_a_done_one_as_done() {
        TestData.CareTeam team = data.careTeam();
        TestData.User clinician = team.clinician();
        long patient = team.patient();
        clinician.login();
        com.walkrx.plan.PlanView draft = plans.assign(clinician.caller(), patient, com.walkrx.plan.Template.ACUTE,
                audit.today(clinician.caller()), false, null);
        com.walkrx.plan.PlanView active = plans.activate(clinician.caller(), patient, draft.version(), null);
        assertThatThrownBy(() -> plans.activate(clinician.caller(), patient, active.version(), null))
                .isInstanceOf(com.walkrx.base.api.ConflictException.class);

        List<String> trail = jdbc.sql("select detail from audit_event where patient_id = ? and action = 'CHANGED_PLAN' "
                        + "and allowed order by id").param(patient).query(String.class).list();
        assertThat(trail).hasSize(3);
        assertThat(trail.subList(0, 2)).noneMatch(d -> d != null && d.contains("not done"));
        assertThat(trail.get(2)).contains("not done: ").doesNotContain("ConflictException");
    }

    @Test
    void an_admin_searches_the_clinics_trail_by_user_patient_action_and_dates() {
        TestData.AdminClinic scene = data.adminClinic();
        TestData.User clinician = scene.clinician();
        TestData.User outsider = data.staff(scene.clinic(), Role.CLINICIAN);
        long patient = scene.patient();
        long otherPatient = data.patient(scene.clinic(), clinician);
        patients.get(clinician.caller(), patient);
        patients.get(clinician.caller(), otherPatient);
        assertThatThrownBy(() -> patients.get(outsider.caller(), patient)).isInstanceOf(NotFoundException.class);
        // Another clinic's trail stays out of sight.
        TestData.CareTeam elsewhere = data.careTeam();
        TestData.User stranger = elsewhere.clinician();
        patients.get(stranger.caller(), elsewhere.patient());
        TestData.User admin = scene.admin();
        admin.login();

        List<AuditEntry> byUser = audit.search(admin.caller(), filter(clinician.username(), null, null), 0, 50);
        assertThat(byUser).extracting(AuditEntry::action).containsExactly("VIEWED_PATIENT", "VIEWED_PATIENT");
        assertThat(byUser).extracting(AuditEntry::patientId).containsExactly(otherPatient, patient); // newest first

        List<AuditEntry> byPatient = audit.search(admin.caller(), filter(null, patient, null), 0, 50);
        assertThat(byPatient).extracting(e -> e.username() + " " + e.action() + " " + e.allowed()).containsExactly(
                outsider.username() + " ACCESS_DENIED false", clinician.username() + " VIEWED_PATIENT true");

        List<AuditEntry> denied = audit.search(admin.caller(), filter(null, null, AuditAction.ACCESS_DENIED), 0, 50);
        assertThat(denied).extracting(AuditEntry::username).containsOnly(outsider.username());

        LocalDate today = audit.today(admin.caller());
        assertThat(audit.search(admin.caller(), new AuditFilter(clinician.username(), null, null, today, today), 0, 50))
                .hasSize(2);
        assertThat(audit.search(admin.caller(), new AuditFilter(clinician.username(), null, null,
                today.minusDays(7), today.minusDays(1)), 0, 50)).isEmpty();
        assertThat(audit.count(admin.caller(), filter(clinician.username(), null, null))).isEqualTo(2);

        assertThat(audit.search(admin.caller(), AuditFilter.none(), 0, 500))
                .noneMatch(e -> stranger.username().equals(e.username()));
    }

    @Test
    void the_trail_is_searched_by_the_days_of_the_clinics_own_time_zone() {
        TestData.AdminClinic scene = data.adminClinic();
        TestData.User clinician = scene.clinician();
        patients.get(clinician.caller(), scene.patient());
        java.time.Instant at = jdbc.sql("select at from audit_event where user_id = ? order by id desc limit 1")
                .param(clinician.id()).query(java.sql.Timestamp.class).single().toInstant();
        LocalDate serverDay = LocalDate.ofInstant(at, clock.getZone());
        // At any instant one of these two is on another date than the server's zone (UTC+14 and UTC-11).
        java.time.ZoneId zone = java.util.stream.Stream.of("Pacific/Kiritimati", "Pacific/Pago_Pago")
                .map(java.time.ZoneId::of).filter(z -> !LocalDate.ofInstant(at, z).equals(serverDay))
                .findFirst().orElseThrow();
        jdbc.sql("update clinic set time_zone = ? where id = ?").params(zone.getId(), scene.clinic()).update();
        TestData.User admin = scene.admin();
        admin.login();

        LocalDate clinicDay = LocalDate.ofInstant(at, zone);
        assertThat(audit.zone(admin.caller())).isEqualTo(zone);
        assertThat(audit.today(admin.caller())).isEqualTo(LocalDate.ofInstant(clock.instant(), zone));
        assertThat(audit.search(admin.caller(), new AuditFilter(clinician.username(), null, null, clinicDay, clinicDay),
                0, 50)).extracting(AuditEntry::at).contains(at);
        assertThat(audit.search(admin.caller(), new AuditFilter(clinician.username(), null, null, serverDay, serverDay),
                0, 50)).as("the server's date is not the clinic's").isEmpty();
    }

    @Test
    void paging_returns_each_entry_once_newest_first() {
        TestData.AdminClinic scene = data.adminClinic();
        for (int i = 0; i < 7; i++) {
            patients.get(scene.clinician().caller(), scene.patient());
        }
        TestData.User admin = scene.admin();
        admin.login();
        AuditFilter mine = filter(scene.clinician().username(), null, null);
        List<Long> all = audit.search(admin.caller(), mine, 0, 50).stream().map(AuditEntry::id).toList();
        List<Long> paged = new java.util.ArrayList<>();
        for (int offset = 0; offset < 7; offset += 3) {
            audit.search(admin.caller(), mine, offset, 3).forEach(e -> paged.add(e.id()));
        }
        assertThat(paged).hasSize(7).isEqualTo(all);
        assertThat(all).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void every_search_is_itself_audited_with_its_filter() {
        TestData.User admin = data.staff(data.clinic(), Role.ADMIN);
        admin.login();

        audit.search(admin.caller(), new AuditFilter("someone", 42L, AuditAction.EXPORTED, null, null), 0, 50);
        audit.search(admin.caller(), AuditFilter.none(), 50, 50); // scrolling on is not a new search

        assertThat(jdbc.sql("select detail from audit_event where user_id = ? and action = 'VIEWED_AUDIT'")
                .param(admin.id()).query(String.class).list())
                .containsExactly("user~someone, patient=42, action=EXPORTED");
    }

    @Test
    void a_clinician_may_not_search_the_trail_and_the_refusal_is_audited() {
        TestData.User clinician = data.staff(data.clinic(), Role.CLINICIAN);
        clinician.login();

        assertThatThrownBy(() -> audit.search(clinician.caller(), AuditFilter.none(), 0, 50))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(jdbc.sql("select detail from audit_event where user_id = ? and action = 'ACCESS_DENIED'")
                .param(clinician.id()).query(String.class).list()).containsExactly("call AuditService.search");
    }

    private static AuditFilter filter(String user, Long patient, AuditAction action) {
        return new AuditFilter(user, patient, action, null, null);
    }

    private long anyAuditRow() {
        TestData.CareTeam team = data.careTeam();
        TestData.User clinician = team.clinician();
        patients.get(clinician.caller(), team.patient());
        return jdbc.sql("select max(id) from audit_event where user_id = ?").param(clinician.id()).query(Long.class).single();
    }
}
