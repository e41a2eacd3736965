package com.walkrx.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Caller;
import com.walkrx.base.security.Role;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-role scope predicate selects exactly the patients the all-roles predicate does, for every role. */
@WalkRxTest
class ScopeSqlTest extends SpringTest {

    @Test
    void each_roles_predicate_sees_exactly_what_the_shared_one_sees() {
        TestData.AdminClinic scene = data.adminClinic();
        long mine = scene.patient();
        long shared = data.patient(scene.clinic(), scene.clinician());
        TestData.User colleague = data.staff(scene.clinic(), Role.CLINICIAN);
        long theirs = data.patient(scene.clinic(), colleague);
        TestData.CareTeam otherClinic = data.careTeam();

        assertThat(scoped(scene.clinician())).containsExactly(mine, shared);
        assertThat(scoped(colleague)).containsExactly(theirs);
        assertThat(scoped(scene.admin())).contains(mine, shared, theirs).doesNotContain(otherClinic.patient());
        assertThat(scoped(scene.patientUser())).containsExactly(mine);
        for (TestData.User user : List.of(scene.clinician(), colleague, scene.admin(), scene.patientUser(),
                otherClinic.clinician())) {
            assertThat(scoped(user)).as(user.role().name()).isEqualTo(visible(user.caller(), PatientAccess.SCOPE_SQL));
        }
    }

    /** What the user's own role's predicate selects. */
    private List<Long> scoped(TestData.User user) {
        return visible(user.caller(), PatientAccess.scopeSql(user.caller()));
    }

    private List<Long> visible(Caller caller, String predicate) {
        return jdbc.sql("select p.id from patient p where " + predicate + " order by p.id")
                .params(PatientAccess.scopeParams(caller))
                .query(Long.class).list();
    }
}
