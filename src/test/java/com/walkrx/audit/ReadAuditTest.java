package com.walkrx.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every read of patient data is on the trail per patient shown (issue 15): list pages name the patients they
 * showed and their filter, exports the patients exported, and a miss on an id that does not exist is recorded as
 * denied like one out of reach.
 */
@WalkRxTest
class ReadAuditTest extends SpringTest {

    long clinic;
    TestData.User clinician;
    TestData.User admin;
    long anna;
    long ben;
    long notMine;

    @BeforeEach
    void setUp() {
        clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
        admin = data.staff(clinic, Role.ADMIN);
        anna = data.patient(clinic, "Anna", "Audit", null, clinician);
        ben = data.patient(clinic, "Ben", "Audit", null, clinician);
        notMine = data.patient(clinic, "Cara", "Elsewhere", null, data.staff(clinic, Role.CLINICIAN));
    }

    @Test
    void the_caseload_page_names_every_patient_it_showed_and_its_filter() {
        long before = lastId();
        Api.Reply page = Api.as(port, clinician).get("/api/v1/patients?q=Audit");
        assertThat(page.status()).as(page.body()).isEqualTo(200);

        List<Row> rows = rows(before, clinician, "LISTED_PATIENTS");
        assertThat(rows).extracting(Row::patientId).containsExactlyInAnyOrder(anna, ben);
        assertThat(rows).allSatisfy(r -> assertThat(r.detail()).contains("caseload").contains("name contains \"Audit\"")
                .contains("2 patients shown"));
    }

    @Test
    void the_patient_list_names_the_patients_an_admin_saw() {
        long before = lastId();
        Api.Reply list = Api.as(port, admin).get("/api/v1/patients?size=200");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(rows(before, admin, "LISTED_PATIENTS")).extracting(Row::patientId)
                .contains(anna, ben, notMine);
    }

    @Test
    void a_list_that_showed_nobody_is_still_one_entry() {
        long before = lastId();
        assertThat(Api.as(port, clinician).get("/api/v1/patients?q=Nobody-at-all").status()).isEqualTo(200);
        List<Row> rows = rows(before, clinician, "LISTED_PATIENTS");
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().patientId()).isNull();
        assertThat(rows.getFirst().detail()).contains("0 patients shown");
    }

    @Test
    void the_caseload_export_names_every_patient_exported() {
        long before = lastId();
        Api.Reply csv = Api.as(port, clinician).get("/api/v1/caseload.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(rows(before, clinician, "EXPORTED")).extracting(Row::patientId).containsExactlyInAnyOrder(anna, ben);
    }

    @Test
    void a_get_of_a_check_in_or_flag_that_does_not_exist_is_recorded_as_denied() {
        for (String path : List.of("/api/v1/check-ins/987654321", "/api/v1/flags/987654321",
                "/api/v1/patients/987654321")) {
            long before = lastId();
            Api.Reply miss = Api.as(port, clinician).get(path);
            assertThat(miss.status()).as(path).isEqualTo(404);
            List<Row> denied = rows(before, clinician, "ACCESS_DENIED");
            assertThat(denied).as(path).hasSize(1);
            assertThat(denied.getFirst().allowed()).isFalse();
            assertThat(denied.getFirst().patientId() + " " + denied.getFirst().detail()).as(path).contains("987654321");
        }
    }

    @Test
    void a_patient_out_of_reach_is_recorded_as_denied_once_with_its_id() {
        long before = lastId();
        assertThat(Api.as(port, clinician).get("/api/v1/patients/" + notMine + "/check-ins").status()).isEqualTo(404);
        List<Row> denied = rows(before, clinician, "ACCESS_DENIED");
        assertThat(denied).extracting(Row::patientId).containsExactly(notMine);
    }

    private long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }

    record Row(Long patientId, boolean allowed, String detail) {
    }

    private List<Row> rows(long after, TestData.User who, String action) {
        return jdbc.sql("select patient_id, allowed, detail from audit_event where id > ? and user_id = ? and action = ?"
                        + " order by id")
                .param(after).param(who.id()).param(action)
                .query((rs, n) -> new Row((Long) rs.getObject("patient_id"), rs.getBoolean("allowed"),
                        rs.getString("detail")))
                .list();
    }
}
