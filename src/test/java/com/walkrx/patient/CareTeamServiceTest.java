package com.walkrx.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Role;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** An admin changes care teams within their clinic; the change decides at once who sees the patient. */
@WalkRxTest
class CareTeamServiceTest extends SpringTest {

    @Autowired
    CareTeamService careTeams;
    @Autowired
    PatientService patients;

    private long clinic;
    private TestData.User admin;
    /** On the care team of {@link #patient}. */
    private TestData.User clinician;
    private long patient;

    @BeforeEach
    void scene() {
        TestData.AdminClinic scene = data.adminClinic();
        clinic = scene.clinic();
        admin = scene.admin();
        clinician = scene.clinician();
        patient = scene.patient();
    }

    @Test
    void adding_a_clinician_lets_them_see_the_patient_and_removing_them_hides_it_again() {
        TestData.User first = clinician;
        TestData.User second = data.staff(clinic, Role.CLINICIAN);
        admin.login();
        assertThatThrownBy(() -> patients.get(second.caller(), patient)).isInstanceOf(NotFoundException.class);

        careTeams.add(admin.caller(), patient, second.id());
        careTeams.add(admin.caller(), patient, second.id()); // twice: no change

        assertThat(patients.get(second.caller(), patient).id()).isEqualTo(patient);
        assertThat(members(patient)).containsExactlyInAnyOrder(first.id(), second.id());

        careTeams.remove(admin.caller(), patient, first.id());

        assertThatThrownBy(() -> patients.get(first.caller(), patient)).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select detail from audit_event where user_id = ? and action = 'CHANGED_CARE_TEAM' "
                        + "and patient_id = ? and allowed order by id").params(admin.id(), patient).query(String.class).list())
                .containsExactly("added " + second.username(), "added " + second.username(), "removed " + first.username());
    }

    @Test
    void an_admin_of_another_clinic_gets_not_found_and_the_attempt_is_audited() {
        long otherClinic = data.clinic();
        TestData.User otherAdmin = data.staff(otherClinic, Role.ADMIN);
        TestData.User otherClinician = data.staff(otherClinic, Role.CLINICIAN);
        otherAdmin.login();

        assertThatThrownBy(() -> careTeams.add(otherAdmin.caller(), patient, otherClinician.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> careTeams.team(otherAdmin.caller(), patient)).isInstanceOf(NotFoundException.class);

        assertThat(jdbc.sql("select count(*) from care_team_member where patient_id = ?").param(patient)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where user_id = ? and patient_id = ? "
                + "and action = 'ACCESS_DENIED' and not allowed").params(otherAdmin.id(), patient)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void only_active_clinicians_of_the_same_clinic_can_join_a_care_team() {
        TestData.User otherAdmin = data.staff(clinic, Role.ADMIN);
        long teamless = data.patient(clinic);
        TestData.User elsewhere = data.staff(data.clinic(), Role.CLINICIAN);
        admin.login();

        assertThatThrownBy(() -> careTeams.add(admin.caller(), teamless, elsewhere.id()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("clinicianId"));
        assertThatThrownBy(() -> careTeams.add(admin.caller(), teamless, otherAdmin.id()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(members(teamless)).isEmpty();
    }

    @Test
    void a_clinician_sees_the_care_team_of_their_patient_but_cannot_change_it() {
        TestData.User colleague = data.staff(clinic, Role.CLINICIAN);
        clinician.login();

        assertThat(careTeams.team(clinician.caller(), patient).members()).extracting(CareTeamMember::clinicianId)
                .containsExactly(clinician.id());
        assertThatThrownBy(() -> careTeams.add(clinician.caller(), patient, colleague.id()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_last_active_clinician_of_a_patient_with_an_unresolved_flag_is_not_removed_and_the_refusal_is_audited() {
        TestData.User only = clinician;
        data.flag(clinic, patient, "CAUDA_EQUINA", "URGENT", "ACKNOWLEDGED"); // acknowledged is still unresolved
        admin.login();

        assertThatThrownBy(() -> careTeams.remove(admin.caller(), patient, only.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(CareTeamService.LAST_CLINICIAN_WITH_OPEN_FLAGS);
                    assertThat(e.getMessage()).isEqualTo(only.displayName() + " is the last active clinician on this "
                            + "care team and the patient has 1 unresolved flag: add another clinician first, or "
                            + "resolve the flags.");
                });

        assertThat(members(patient)).containsExactly(only.id());
        assertThat(jdbc.sql("select detail from audit_event where user_id = ? and action = 'CHANGED_CARE_TEAM' "
                        + "and patient_id = ? order by id").params(admin.id(), patient).query(String.class).list())
                .containsExactly("removed " + only.username() + "; not done: " + only.displayName()
                        + " is the last active clinician on this care team and the patient has 1 unresolved flag: "
                        + "add another clinician first, or resolve the flags.");
    }

    @Test
    void the_last_clinician_is_removed_when_every_flag_of_the_patient_is_resolved() {
        data.flag(clinic, patient, "FEVER", "HIGH", "RESOLVED");
        admin.login();

        careTeams.remove(admin.caller(), patient, clinician.id());

        assertThat(members(patient)).isEmpty();
    }

    @Test
    void a_clinician_who_is_not_the_last_active_one_is_removed_although_the_patient_has_an_open_flag() {
        TestData.User second = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, clinician, second);
        data.flag(clinic, patient, "CAUDA_EQUINA", "URGENT", "OPEN");
        admin.login();

        careTeams.remove(admin.caller(), patient, clinician.id());

        assertThat(members(patient)).containsExactly(second.id());
        assertThatThrownBy(() -> careTeams.remove(admin.caller(), patient, second.id()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void a_deactivated_colleague_does_not_count_as_oversight_and_is_removed_freely() {
        TestData.User active = clinician;
        TestData.User gone = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, active, gone);
        jdbc.sql("update app_user set enabled = false where id = ?").param(gone.id()).update();
        data.flag(clinic, patient, "FEVER", "HIGH", "OPEN");
        admin.login();

        assertThatThrownBy(() -> careTeams.remove(admin.caller(), patient, active.id()))
                .isInstanceOf(ConflictException.class);
        careTeams.remove(admin.caller(), patient, gone.id());

        assertThat(members(patient)).containsExactly(active.id());
    }

    /** The clinician ids of the patient's care team, as the admin sees them. */
    private java.util.List<Long> members(long patient) {
        return careTeams.team(admin.caller(), patient).members().stream().map(CareTeamMember::clinicianId).toList();
    }
}
