package com.walkrx.flag;

import com.walkrx.base.clinical.Tier;
import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The flags part of the JSON API: the inbox order, acknowledge, resolve, refused transitions, care-team scope. */
@WalkRxTest
class FlagApiTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Autowired FlagService service;
    @Autowired CheckIns checkIns;

    long clinic;
    TestData.User clinician;
    TestData.User colleague;
    long patient;
    long otherPatient;
    long colleaguesPatient;

    @BeforeEach
    void setUp() {
        clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
        colleague = data.staff(clinic, Role.CLINICIAN);
        patient = data.patient(clinic, clinician);
        otherPatient = data.patient(clinic, clinician, colleague);
        colleaguesPatient = data.patient(clinic, colleague);
    }

    private long raise(long patientId, String at, java.util.function.Consumer<CheckIns.Spec> content) {
        clock.setInstant(Instant.parse(at));
        checkIns.record(clinic, patientId, TODAY, content);
        return jdbc.sql("select max(id) from flag where patient_id = ?").param(patientId).query(Long.class).single();
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("items").forEach(i -> codes.add(i.get("code").asString()));
        return codes;
    }

    @Test
    void the_inbox_lists_urgent_then_high_then_advisory_oldest_first_within_a_tier_for_the_callers_patients_only() {
        raise(patient, "2026-11-29T08:00:00Z", c -> c.sharpWalk(3, 4));           // ADVISORY
        raise(patient, "2026-11-29T09:00:00Z", c -> c.fever());                   // HIGH, newer
        raise(patient, "2026-11-29T10:00:00Z", c -> c.bladder());                 // URGENT
        raise(otherPatient, "2026-11-29T07:00:00Z", c -> c.pain(8).injury());     // HIGH, older
        raise(colleaguesPatient, "2026-11-29T06:00:00Z", c -> c.saddle());        // not on the caller's teams

        Api.Reply reply = Api.as(port, clinician).get("/api/v1/flags?status=OPEN");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(codes(reply.json())).containsExactly("CAUDA_EQUINA_SIGNS", "SEVERE_ACUTE_INJURY", "FEVER",
                "SHARP_OR_SEVERE_PAIN");
        assertThat(reply.json().get("total").asLong()).isEqualTo(4);
        JsonNode urgent = reply.json().get("items").get(0);
        assertThat(urgent.get("tier").asString()).isEqualTo("URGENT");
        assertThat(urgent.get("status").asString()).isEqualTo("OPEN");
        assertThat(urgent.get("patientId").asLong()).isEqualTo(patient);
        assertThat(urgent.get("raisedAt").asString()).isEqualTo("2026-11-29T10:00:00Z");
        assertThat(urgent.get("basis").asString()).isEqualTo(FlagCode.CAUDA_EQUINA_SIGNS.basis());
        assertThat(urgent.get("patientMessage").asString()).isEqualTo(Tier.URGENT.patientMessage());
        assertThat(urgent.get("evidence").get(0).get("detail").asString())
                .isEqualTo("new bladder or bowel control problems reported on " + TODAY);
        assertThat(urgent.get("evidence").get(0).get("checkInId").isNumber()).isTrue();
        assertThat(urgent.has("acknowledgedBy")).isFalse();

        Api.Reply page = Api.as(port, clinician).get("/api/v1/flags?status=OPEN&page=1&size=3");
        assertThat(codes(page.json())).containsExactly("SHARP_OR_SEVERE_PAIN");
        assertThat(page.json().get("total").asLong()).isEqualTo(4);
        assertThat(Api.as(port, clinician).get("/api/v1/flags").json().get("total").asLong()).isEqualTo(4);
    }

    @Test
    void acknowledge_then_resolve_records_who_and_when_and_refuses_what_is_not_allowed() {
        long flag = raise(patient, "2026-11-29T08:00:00Z", c -> c.fever());
        Api api = Api.as(port, clinician);
        clock.setInstant(Instant.parse("2026-11-29T09:30:00Z"));

        Api.Reply ack = api.post("/api/v1/flags/" + flag + "/acknowledge", "{\"note\": \"called the patient\"}");
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.json().get("acknowledgedBy").asString()).isEqualTo(clinician.displayName());
        assertThat(ack.json().get("acknowledgedAt").asString()).isEqualTo("2026-11-29T09:30:00Z");
        assertThat(ack.json().get("acknowledgeNote").asString()).isEqualTo("called the patient");

        Api.Reply again = api.post("/api/v1/flags/" + flag + "/acknowledge", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).contains("application/problem+json");
        assertThat(again.json().get("code").asString()).isEqualTo("FLAG_NOT_OPEN");

        clock.setInstant(Instant.parse("2026-11-29T11:00:00Z"));
        Api.Reply resolved = api.post("/api/v1/flags/" + flag + "/resolve",
                "{\"outcome\": \"REFERRED\", \"action\": \"GP_INFORMED\", \"note\": \"GP today\"}");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().get("outcome").asString()).isEqualTo("REFERRED");
        assertThat(resolved.json().get("resolveNote").asString()).isEqualTo("GP today");
        assertThat(resolved.json().get("action").asString()).isEqualTo("GP_INFORMED");
        assertThat(resolved.json().get("resolvedBy").asString()).isEqualTo(clinician.displayName());
        assertThat(resolved.json().get("resolvedAt").asString()).isEqualTo("2026-11-29T11:00:00Z");
        assertThat(resolved.json().get("acknowledgedAt").asString()).isEqualTo("2026-11-29T09:30:00Z");

        assertThat(api.post("/api/v1/flags/" + flag + "/resolve", "{\"outcome\": \"OTHER\"}").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/flags/" + flag + "/acknowledge", null).status()).isEqualTo(409);

        // nothing is deleted: the resolved flag is still on the patient's list
        Api.Reply history = api.get("/api/v1/patients/" + patient + "/flags?status=RESOLVED");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("items").get(0).get("id").asLong()).isEqualTo(flag);
        assertThat(api.get("/api/v1/patients/" + patient + "/flags?status=OPEN").json().get("total").asLong()).isZero();

        assertThat(jdbc.sql("select action from audit_event where patient_id = ? and allowed and action like '%_FLAG'"
                + " order by id").param(patient).query(String.class).list())
                .containsExactly("ACKNOWLEDGED_FLAG", "ACKNOWLEDGED_FLAG", "RESOLVED_FLAG", "RESOLVED_FLAG",
                        "ACKNOWLEDGED_FLAG");
    }

    @Test
    void resolving_an_open_flag_acknowledges_it_in_the_same_step() {
        long flag = raise(patient, "2026-11-29T08:00:00Z", c -> c.bladder());
        clock.setInstant(Instant.parse("2026-11-29T08:20:00Z"));

        Api.Reply resolved = Api.as(port, clinician).post("/api/v1/flags/" + flag + "/resolve",
                "{\"outcome\": \"SEEN_BY_DOCTOR\", \"action\": \"SENT_TO_EMERGENCY_CARE\", \"note\": \"A&E\"}");

        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().get("acknowledgedBy").asString()).isEqualTo(clinician.displayName());
        assertThat(resolved.json().get("acknowledgedAt").asString()).isEqualTo("2026-11-29T08:20:00Z");
        assertThat(resolved.json().get("resolvedAt").asString()).isEqualTo("2026-11-29T08:20:00Z");
        assertThat(resolved.json().get("resolveNote").asString()).isEqualTo("A&E");
    }

    @Test
    void resolving_an_urgent_or_high_flag_needs_what_was_done_and_a_note_an_advisory_one_does_not() {
        long urgent = raise(patient, "2026-11-29T08:00:00Z", c -> c.saddle());
        long high = raise(otherPatient, "2026-11-29T08:05:00Z", c -> c.fever());
        long advisory = raise(colleaguesPatient, "2026-11-29T08:10:00Z", c -> c.sharpWalk(3, 4));
        Api api = Api.as(port, clinician);

        Api.Reply bare = api.post("/api/v1/flags/" + urgent + "/resolve", "{\"outcome\": \"OTHER\"}");
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.errorFields()).containsExactlyInAnyOrder("action", "note");
        Api.Reply blankNote = api.post("/api/v1/flags/" + urgent + "/resolve",
                "{\"outcome\": \"OTHER\", \"action\": \"CALLED_PATIENT\", \"note\": \"   \"}");
        assertThat(blankNote.status()).isEqualTo(400);
        assertThat(blankNote.errorFields()).containsExactly("note");
        Api.Reply noAction = api.post("/api/v1/flags/" + high + "/resolve",
                "{\"outcome\": \"REFERRED\", \"note\": \"GP today\"}");
        assertThat(noAction.status()).isEqualTo(400);
        assertThat(noAction.errorFields()).containsExactly("action");
        Api.Reply unknownAction = api.post("/api/v1/flags/" + high + "/resolve",
                "{\"outcome\": \"REFERRED\", \"action\": \"PRAYED\", \"note\": \"GP today\"}");
        assertThat(unknownAction.status()).isEqualTo(400);
        assertThat(unknownAction.errorFields()).containsExactly("action");
        assertThat(api.get("/api/v1/flags/" + urgent).json().get("status").asString()).isEqualTo("OPEN");
        assertThat(api.get("/api/v1/flags/" + high).json().get("status").asString()).isEqualTo("OPEN");

        Api.Reply done = api.post("/api/v1/flags/" + urgent + "/resolve",
                "{\"outcome\": \"REFERRED\", \"action\": \"SENT_TO_EMERGENCY_CARE\", \"note\": \"A&E now\"}");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("action").asString()).isEqualTo("SENT_TO_EMERGENCY_CARE");
        assertThat(jdbc.sql("select action from flag where id = ?").param(urgent).query(String.class).single())
                .isEqualTo("SENT_TO_EMERGENCY_CARE");

        Api.Reply advisoryBare = Api.as(port, colleague).post("/api/v1/flags/" + advisory + "/resolve",
                "{\"outcome\": \"NO_ACTION_NEEDED\"}");
        assertThat(advisoryBare.status()).isEqualTo(200);
        assertThat(advisoryBare.json().has("action")).isFalse();
    }

    @Test
    void an_acknowledged_urgent_flag_stays_in_the_attention_counts_until_resolved() {
        long urgent = raise(patient, "2026-11-29T08:00:00Z", c -> c.saddle());
        long advisory = raise(otherPatient, "2026-11-29T08:10:00Z", c -> c.sharpWalk(3, 4));
        Api api = Api.as(port, clinician);
        api.post("/api/v1/flags/" + urgent + "/acknowledge", "{\"note\": \"calling\"}");
        api.post("/api/v1/flags/" + advisory + "/acknowledge", "{}");

        clinician.login();
        AttentionCounts counts = service.attentionCounts(clinician.caller());
        assertThat(counts).isEqualTo(new AttentionCounts(1, 0, 0, 1));
        assertThat(service.attentionSlice(clinician.caller(), 0, 10)).extracting(FlagView::id).containsExactly(urgent);

        api.post("/api/v1/flags/" + urgent + "/resolve",
                "{\"outcome\": \"REFERRED\", \"action\": \"CALLED_PATIENT\", \"note\": \"GP today\"}");
        assertThat(service.attentionCounts(clinician.caller()).total()).isZero();
    }

    @Test
    void resolve_needs_a_known_outcome() {
        long flag = raise(patient, "2026-11-29T08:00:00Z", c -> c.fever());
        Api api = Api.as(port, clinician);

        Api.Reply missing = api.post("/api/v1/flags/" + flag + "/resolve", "{\"note\": \"x\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("outcome");
        Api.Reply unknown = api.post("/api/v1/flags/" + flag + "/resolve", "{\"outcome\": \"CURED\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("outcome");
        Api.Reply longNote = api.post("/api/v1/flags/" + flag + "/acknowledge",
                Api.json(java.util.Map.of("note", "x".repeat(2001))));
        assertThat(longNote.status()).isEqualTo(400);
        assertThat(longNote.errorFields()).containsExactly("note");

        assertThat(api.get("/api/v1/flags/" + flag).json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void flags_of_other_care_teams_and_clinics_are_not_found_and_unchanged() {
        long colleaguesFlag = raise(colleaguesPatient, "2026-11-29T08:00:00Z", c -> c.saddle());
        long otherClinic = data.clinic();
        TestData.User stranger = data.staff(otherClinic, Role.CLINICIAN);
        Api api = Api.as(port, clinician);

        assertThat(api.post("/api/v1/flags/" + colleaguesFlag + "/acknowledge", "{}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/flags/" + colleaguesFlag + "/resolve", "{\"outcome\": \"OTHER\"}").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/flags/" + colleaguesFlag).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/patients/" + colleaguesPatient + "/flags").status()).isEqualTo(404);
        Api.Reply noSuchFlag = api.post("/api/v1/flags/987654321/acknowledge", "{}");
        assertThat(noSuchFlag.status()).isEqualTo(404);
        assertThat(api.post("/api/v1/flags/" + colleaguesFlag + "/acknowledge", "{}").json().get("detail"))
                .isEqualTo(noSuchFlag.json().get("detail")); // never tell which
        assertThat(Api.as(port, stranger).get("/api/v1/flags/" + colleaguesFlag).status()).isEqualTo(404);
        assertThat(Api.as(port, stranger).get("/api/v1/flags").json().get("total").asLong()).isZero();

        Api.Reply own = Api.as(port, colleague).get("/api/v1/flags/" + colleaguesFlag);
        assertThat(own.json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void patients_and_admins_may_not_act_on_flags() {
        long flag = raise(patient, "2026-11-29T08:00:00Z", c -> c.fever());
        TestData.User patientUser = data.patientUser(clinic, patient);
        TestData.User admin = data.staff(clinic, Role.ADMIN);

        assertThat(Api.as(port, patientUser).get("/api/v1/flags").status()).isEqualTo(403);
        assertThat(Api.as(port, patientUser).post("/api/v1/flags/" + flag + "/acknowledge", "{}").status())
                .isEqualTo(403);
        assertThat(Api.as(port, patientUser).get("/api/v1/patients/" + patient + "/flags").status()).isEqualTo(403);
        assertThat(Api.as(port, admin).post("/api/v1/flags/" + flag + "/resolve", "{\"outcome\": \"OTHER\"}")
                .status()).isEqualTo(403);
        assertThat(Api.as(port, admin).get("/api/v1/patients/" + patient + "/flags").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/api/v1/flags").status()).isEqualTo(401);
    }

    @Test
    void an_invalid_status_or_page_is_a_400() {
        Api api = Api.as(port, clinician);
        assertThat(api.get("/api/v1/flags?status=CLOSED").errorFields()).containsExactly("status");
        assertThat(api.get("/api/v1/flags?size=500").errorFields()).containsExactly("size");
    }
}
