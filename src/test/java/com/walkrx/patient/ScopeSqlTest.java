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
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        TestData.User colleague = data.staff(clinic, Role.CLINICIAN);
        TestData.User admin = data.staff(clinic, Role.ADMIN);
        long mine = data.patient(clinic, clinician);
        long shared = data.patient(clinic, clinician);
        long theirs = data.patient(clinic, colleague);
        TestData.User patient = data.patientUser(clinic, mine);
        long otherClinic = data.clinic();
        TestData.User stranger = data.staff(otherClinic, Role.CLINICIAN);
        long elsewhere = data.patient(otherClinic, stranger);

        assertThat(visible(clinician.caller(), PatientAccess.scopeSql(clinician.caller()))).containsExactly(mine, shared);
        assertThat(visible(colleague.caller(), PatientAccess.scopeSql(colleague.caller()))).containsExactly(theirs);
        assertThat(visible(admin.caller(), PatientAccess.scopeSql(admin.caller())))
                .contains(mine, shared, theirs).doesNotContain(elsewhere);
        assertThat(visible(patient.caller(), PatientAccess.scopeSql(patient.caller()))).containsExactly(mine);
        for (TestData.User user : List.of(clinician, colleague, admin, patient, stranger)) {
            assertThat(visible(user.caller(), PatientAccess.scopeSql(user.caller())))
                    .as(user.role().name()).isEqualTo(visible(user.caller(), PatientAccess.SCOPE_SQL));
        }
    }

    private List<Long> visible(Caller caller, String predicate) {
        return jdbc.sql("select p.id from patient p where " + predicate + " order by p.id")
                .params(PatientAccess.scopeParams(caller))
                .query(Long.class).list();
    }
}
