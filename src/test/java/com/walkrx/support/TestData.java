package com.walkrx.support;

import com.walkrx.base.security.Caller;
import com.walkrx.base.security.Role;
import com.walkrx.base.security.WalkRxPrincipal;
import com.walkrx.clinic.ClinicService;
import com.walkrx.clinic.UserSummary;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Builds clinics, staff and patients of their own for each test, so tests never share records. */
@TestComponent
public class TestData {

    public static final String PASSWORD = "a-long-test-password-42";
    private static final AtomicInteger counter = new AtomicInteger();

    private final ClinicService clinics;
    private final JdbcClient jdbc;

    TestData(ClinicService clinics, JdbcClient jdbc) {
        this.clinics = clinics;
        this.jdbc = jdbc;
    }

    /** A user of a clinic with the test password. */
    public record User(long id, long clinicId, String username, Role role, Long patientId, String displayName) {

        public Caller caller() {
            return new Caller(id, clinicId, role, patientId, username, displayName);
        }

        public WalkRxPrincipal principal() {
            return new WalkRxPrincipal(id, clinicId, username, displayName, role, patientId, true, null);
        }

        /** Makes this user the caller of the current thread (for browserless UI tests). */
        public void login() {
            WalkRxPrincipal p = principal();
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        }
    }

    /** The usual scene: a clinic, a clinician, a patient on the clinician's care team, and the patient's login. */
    public record CareTeam(long clinic, User clinician, long patient, User patientUser) {
    }

    /**
     * The admin's scene: a clinic with its admin, a clinician, a patient on the clinician's care team and the
     * patient's login.
     */
    public record AdminClinic(long clinic, User admin, User clinician, long patient, User patientUser) {
    }

    /** A clinic of its own with a clinician, a patient on that clinician's care team, and the patient's login. */
    public CareTeam careTeam() {
        return careTeam(clinic());
    }

    /** {@link #careTeam()} with a patient of that name (for what a page shows). */
    public CareTeam careTeam(String given, String family) {
        return careTeam(clinic(), given, family);
    }

    /** A clinician of the given clinic, a patient on their care team, and the patient's login. */
    public CareTeam careTeam(long clinic) {
        return careTeam(clinic, "Pat", "Tester" + counter.incrementAndGet());
    }

    private CareTeam careTeam(long clinic, String given, String family) {
        User clinician = staff(clinic, Role.CLINICIAN);
        long patient = patient(clinic, given, family, null, clinician);
        return new CareTeam(clinic, clinician, patient, patientUser(clinic, patient));
    }

    /** {@link #careTeam()} with the clinic's admin too. */
    public AdminClinic adminClinic() {
        long clinic = clinic();
        User admin = staff(clinic, Role.ADMIN);
        CareTeam team = careTeam(clinic);
        return new AdminClinic(clinic, admin, team.clinician(), team.patient(), team.patientUser());
    }

    /** A clinician of a clinic of their own, with no patients yet. */
    public User clinician() {
        return staff(clinic(), Role.CLINICIAN);
    }

    /** A clinic without the staff MFA policy (tests of other features log staff in with a password). */
    public long clinic() {
        long id = clinics.createClinic("Test clinic " + counter.incrementAndGet(), "Europe/London");
        jdbc.sql("update clinic set staff_mfa_required = false where id = ?").param(id).update();
        return id;
    }

    /** A clinic as a new one is created: its staff need a second factor. */
    public long mfaClinic() {
        return clinics.createClinic("Test MFA clinic " + counter.incrementAndGet(), "Europe/London");
    }

    public User staff(long clinicId, Role role) {
        String username = role.name().toLowerCase() + "-" + counter.incrementAndGet() + "-" + System.nanoTime() % 100000;
        UserSummary u = clinics.createUser(clinicId, username, PASSWORD, role, "Test " + role.name().toLowerCase() + " " + counter.get());
        return new User(u.id(), clinicId, username, role, null, u.displayName());
    }

    /** A patient with no login, on the care team of the given clinicians. */
    public long patient(long clinicId, User... careTeam) {
        return patient(clinicId, "Pat", "Tester" + counter.incrementAndGet(), null, careTeam);
    }

    public long patient(long clinicId, String given, String family, LocalDate surgeryDate, User... careTeam) {
        long id = jdbc.sql("select nextval('patient_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into patient (id, clinic_id, given_name, family_name, date_of_birth, condition, acuity, onset_date, surgery_date)
                values (?, ?, ?, ?, date '1970-01-01', 'CHRONIC_LOW_BACK_PAIN', 'CHRONIC', date '2025-01-01', ?)
                """).params(id, clinicId, given, family, surgeryDate == null ? null : java.sql.Date.valueOf(surgeryDate)).update();
        for (User c : careTeam) {
            jdbc.sql("insert into care_team_member (patient_id, clinician_id, clinic_id) values (?, ?, ?)")
                    .params(id, c.id(), clinicId).update();
        }
        return id;
    }

    /** A login for an existing patient record. */
    public User patientUser(long clinicId, long patientId) {
        User u = staff(clinicId, Role.PATIENT);
        jdbc.sql("update patient set user_id = ? where id = ?").params(u.id(), patientId).update();
        return new User(u.id(), clinicId, u.username(), Role.PATIENT, patientId, u.displayName());
    }

    /** A flag of the patient as the rule engine would leave it; a RESOLVED one carries its resolution time. */
    public void flag(long clinicId, long patientId, String code, String tier, String status) {
        jdbc.sql("""
                insert into flag (id, clinic_id, patient_id, code, tier, status, basis, patient_message, resolved_at)
                values (nextval('flag_seq'), ?, ?, ?, ?, ?, 'basis', 'message', case when ? then now() end)
                """).params(clinicId, patientId, code, tier, status, "RESOLVED".equals(status)).update();
    }

    /** The patient record of a login, such as a demo patient's ({@code demo-patient-1}). */
    public long patientOf(String username) {
        return jdbc.sql("select p.id from patient p join app_user u on u.id = p.user_id where u.username = ?")
                .params(username).query(Long.class).single();
    }

    public long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
