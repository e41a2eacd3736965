package com.walkrx.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.base.api.ConflictException;
import com.walkrx.base.security.Role;
import com.walkrx.clinic.StaffService;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deactivating a clinician follows the care-team rule: the only active clinician of a patient with an unresolved
 * flag stays active (nobody would see the flag) until a colleague joins that team or the flags are resolved.
 */
@WalkRxTest
class LastClinicianDeactivationTest extends SpringTest {

    @Autowired
    StaffService staff;
    @Autowired
    CareTeamService careTeams;

    private TestData.AdminClinic scene;

    @BeforeEach
    void scene() {
        scene = data.adminClinic();
        scene.admin().login();
    }

    @Test
    void the_only_clinician_of_a_flagged_patient_is_not_deactivated_and_the_refusal_is_audited() {
        data.flag(scene.clinic(), scene.patient(), "CAUDA_EQUINA", "URGENT", "ACKNOWLEDGED");
        String patientName = jdbc.sql("select given_name || ' ' || family_name from patient where id = ?")
                .param(scene.patient()).query(String.class).single();

        assertThatThrownBy(() -> staff.deactivate(scene.admin().caller(), scene.clinician().id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(CareTeamService.LAST_CLINICIAN_WITH_OPEN_FLAGS);
                    assertThat(e.getMessage()).isEqualTo(scene.clinician().displayName()
                            + " is the only active clinician of 1 patient with unresolved flags (" + patientName
                            + "): add another clinician to their care teams first, or resolve the flags.");
                });

        assertThat(enabled(scene.clinician())).isTrue();
        assertThat(jdbc.sql("select detail from audit_event where user_id = ? and action = 'MANAGED_USER' order by id")
                .param(scene.admin().id()).query(String.class).list())
                .containsExactly("deactivated " + scene.clinician().username() + "; not done: "
                        + scene.clinician().displayName() + " is the only active clinician of 1 patient with "
                        + "unresolved flags (" + patientName + "): add another clinician to their care teams first, "
                        + "or resolve the flags.");
    }

    @Test
    void with_a_colleague_on_the_team_or_only_resolved_flags_the_clinician_is_deactivated() {
        data.flag(scene.clinic(), scene.patient(), "FEVER", "HIGH", "OPEN");
        TestData.User colleague = data.staff(scene.clinic(), Role.CLINICIAN);
        careTeams.add(scene.admin().caller(), scene.patient(), colleague.id());

        staff.deactivate(scene.admin().caller(), scene.clinician().id());
        assertThat(enabled(scene.clinician())).isFalse();

        // The colleague is now the only active one: they stay, until the flag is resolved.
        assertThatThrownBy(() -> staff.deactivate(scene.admin().caller(), colleague.id()))
                .isInstanceOf(ConflictException.class);
        jdbc.sql("update flag set status = 'RESOLVED' where patient_id = ?").param(scene.patient()).update();
        staff.deactivate(scene.admin().caller(), colleague.id());
        assertThat(enabled(colleague)).isFalse();
    }

    private boolean enabled(TestData.User user) {
        return jdbc.sql("select enabled from app_user where id = ?").param(user.id()).query(Boolean.class).single();
    }
}
