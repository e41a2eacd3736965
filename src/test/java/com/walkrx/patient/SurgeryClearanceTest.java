package com.walkrx.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Role;
import com.walkrx.support.SpringTest;
import com.walkrx.support.Api;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** PUT /api/v1/patients/{id}/surgery-clearance and the service behind it, with optimistic locking. */
@WalkRxTest
class SurgeryClearanceTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Autowired
    PatientService patients;
    @Autowired
    PatientRepository repository;
    @Autowired
    TransactionTemplate transactions;

    TestData.User clinician;
    long patient;

    @BeforeEach
    void setUp() {
        clock.setDate(TODAY);
        long clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
        patient = data.patient(clinic, "Tomás", "Fischer", LocalDate.of(2026, 10, 20), clinician);
        clinician.login();
    }

    static String clearance(String date, String limits, Long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", date);
        body.put("limits", limits);
        if (version != null) {
            body.put("version", version);
        }
        return Api.json(body);
    }

    @Test
    void a_clinician_on_the_care_team_records_the_clearance() {
        Api.Reply reply = Api.as(port, clinician).put("/api/v1/patients/" + patient + "/surgery-clearance",
                clearance("2026-11-20", "no hills for 4 weeks", null));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("surgeonClearanceDate").asString()).isEqualTo("2026-11-20");
        assertThat(reply.json().get("surgeonClearanceLimits").asString()).isEqualTo("no hills for 4 weeks");
        assertThat(reply.json().get("version").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CHANGED_PATIENT' and patient_id = ?")
                .param(patient).query(Long.class).single()).isEqualTo(1);
        assertThat(Api.as(port, clinician).get("/api/v1/patients/" + patient).json()
                .get("surgeonClearanceDate").asString()).isEqualTo("2026-11-20");
    }

    @Test
    void a_clearance_before_surgery_or_in_the_future_names_the_date_and_changes_nothing() {
        for (String date : new String[] {"2026-10-19", "2026-11-30"}) {
            Api.Reply reply = Api.as(port, clinician).put("/api/v1/patients/" + patient + "/surgery-clearance",
                    clearance(date, null, null));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.errorFields()).containsExactly("date");
        }
        assertThat(Api.as(port, clinician).put("/api/v1/patients/" + patient + "/surgery-clearance",
                clearance(null, null, null)).errorFields()).containsExactly("date");
        assertThat(jdbc.sql("select version from patient where id = ?").param(patient).query(Long.class).single())
                .isZero();
    }

    @Test
    void others_may_not_record_a_clearance() {
        TestData.User colleague = data.staff(clinician.clinicId(), Role.CLINICIAN);
        TestData.User admin = data.staff(clinician.clinicId(), Role.ADMIN);
        TestData.User self = data.patientUser(clinician.clinicId(), patient);
        String body = clearance("2026-11-20", null, null);
        assertThat(Api.as(port, colleague).put("/api/v1/patients/" + patient + "/surgery-clearance", body).status())
                .isEqualTo(404);
        assertThat(Api.as(port, admin).put("/api/v1/patients/" + patient + "/surgery-clearance", body).status())
                .isEqualTo(403);
        assertThat(Api.as(port, self).put("/api/v1/patients/" + patient + "/surgery-clearance", body).status())
                .isEqualTo(403);
        assertThat(jdbc.sql("select surgeon_clearance_date from patient where id = ?").param(patient)
                .query(LocalDate.class).optional()).isEmpty();
    }

    @Test
    void an_edit_based_on_a_stale_version_is_a_conflict() {
        Api.Reply first = Api.as(port, clinician).put("/api/v1/patients/" + patient + "/surgery-clearance",
                clearance("2026-11-20", "no hills", 0L));
        assertThat(first.status()).isEqualTo(200);

        Api.Reply stale = Api.as(port, clinician).put("/api/v1/patients/" + patient + "/surgery-clearance",
                clearance("2026-11-21", "none", 0L));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("CONCURRENT_EDIT");
        assertThat(jdbc.sql("select surgeon_clearance_limits from patient where id = ?").param(patient)
                .query(String.class).single()).isEqualTo("no hills");
    }

    @Test
    void two_edits_of_the_same_version_at_once_let_only_the_first_commit() throws Exception {
        // Transaction A reads the record; B records a clearance and commits; A's later write must fail.
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            Patient loaded = repository.findById(patient).orElseThrow();
            CompletableFuture.runAsync(() -> {
                clinician.login();
                try {
                    patients.recordClearance(clinician.caller(), patient, LocalDate.of(2026, 11, 20), "no hills");
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }).orTimeout(30, TimeUnit.SECONDS).join();
            loaded.recordClearance(LocalDate.of(2026, 11, 21), "none");
            repository.flush();
        })).isInstanceOf(ObjectOptimisticLockingFailureException.class);

        assertThat(jdbc.sql("select surgeon_clearance_limits from patient where id = ?").param(patient)
                .query(String.class).single()).isEqualTo("no hills");
    }

    @Test
    void the_service_refuses_a_stale_version_and_an_unknown_patient() {
        PatientRecord updated = patients.recordClearance(clinician.caller(), patient, LocalDate.of(2026, 11, 20),
                "  ", 0L);
        assertThat(updated.surgeonClearanceLimits()).isNull();
        assertThatThrownBy(() -> patients.recordClearance(clinician.caller(), patient, LocalDate.of(2026, 11, 21),
                null, 0L)).isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThatThrownBy(() -> patients.recordClearance(clinician.caller(), 999_999_999L, LocalDate.of(2026, 11, 21),
                null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_later_surgery_voids_the_earlier_clearance() {
        patients.recordClearance(clinician.caller(), patient, LocalDate.of(2026, 11, 1), "no hills");
        Api.Reply reply = Api.as(port, clinician).put("/api/v1/patients/" + patient + "/surgery",
                Api.json(Map.of("date", "2026-11-15")));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("surgeryDate").asString()).isEqualTo("2026-11-15");
        assertThat(reply.json().get("surgeonClearanceDate").isNull()).isTrue();
        assertThat(reply.json().get("surgeonClearanceLimits").isNull()).isTrue();
        assertThat(patients.overview(clinician.caller(), patient).clearanceMissing()).isTrue();
    }

    @Test
    void a_surgery_in_the_future_is_refused() {
        assertThatThrownBy(() -> patients.recordSurgery(clinician.caller(), patient, TODAY.plusDays(1)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("date"));
    }
}
