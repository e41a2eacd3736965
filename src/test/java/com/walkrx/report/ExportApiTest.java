package com.walkrx.report;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import com.walkrx.base.security.Role;
import com.walkrx.report.Downloads.Download;
import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three exports of API.md over real HTTP, for a patient whose check-ins came in through the check-in API:
 * what a caller downloads, who may, and that each download is audited.
 */
@WalkRxTest
class ExportApiTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final String FORMULA_NOTE = "=HYPERLINK(\"http://x\",\"y\")";

    long clinic;
    TestData.User clinician;
    TestData.User stranger;
    TestData.User admin;
    long patient;
    TestData.User patientUser;

    @BeforeEach
    void setUp() {
        clock.setDate(TODAY);
        TestData.CareTeam team = data.careTeam("Ada", "Lovelace-O'Brien <&>");
        clinic = team.clinic();
        clinician = team.clinician();
        patient = team.patient();
        patientUser = team.patientUser();
        stranger = data.staff(clinic, Role.CLINICIAN);
        admin = data.staff(clinic, Role.ADMIN);
        Api.Reply plan = Api.as(port, clinician).post("/api/v1/patients/" + patient + "/plan",
                "{\"template\":\"STANDARD\",\"startDate\":\"" + TODAY.minusDays(1) + "\",\"overrideReason\":null}");
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        // the PEG due at the plan's start, answered 5, 4, 4: a score of 4.3 (outcome module)
        clock.setDate(TODAY.minusDays(1));
        Api.Reply due = Api.as(port, patientUser).get("/api/v1/me/questionnaires");
        long peg = -1;
        for (var item : due.json().get("items")) {
            if (item.get("instrument").asString().equals("PEG")) {
                peg = item.get("id").asLong();
            }
        }
        assertThat(Api.as(port, patientUser).post("/api/v1/me/questionnaires/" + peg + "/response",
                "{\"answers\":{\"pain\":5,\"enjoyment\":4,\"activity\":4}}").status()).isEqualTo(201);
        clock.setDate(TODAY);
        // Two walks with a note that a spreadsheet would run as a formula, then a check-in without walks.
        checkIn(TODAY.minusDays(1), 5, 4200, List.of(walk(12, 5, 4, false), walk(15, 4, 6, true)), FORMULA_NOTE);
        checkIn(TODAY, 4, null, List.of(), "+ rest day, @home");
    }

    private void checkIn(LocalDate date, int pain, Integer steps, List<Map<String, Object>> walks, String notes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", date.toString());
        body.put("overallPain", pain);
        body.put("steps", steps);
        body.put("walks", walks);
        body.put("notes", notes);
        Api.Reply reply = Api.as(port, patientUser).post("/api/v1/check-ins", Api.json(body));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private static Map<String, Object> walk(int minutes, int before, int after, boolean sharp) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("minutes", minutes);
        w.put("surface", "FLAT");
        w.put("painBefore", before);
        w.put("painAfter", after);
        w.put("sharpPain", sharp);
        w.put("steps", minutes * 100);
        return w;
    }

    private Download download(TestData.User user, String path) {
        return Downloads.get(port, user.username(), TestData.PASSWORD, path);
    }

    private long audits(String action, boolean allowed) {
        return jdbc.sql("select count(*) from audit_event where patient_id = ? and action = ? and allowed = ?")
                .params(patient, action, allowed).query(Long.class).single();
    }

    @Test
    void the_check_in_csv_has_a_header_and_one_row_per_walk_and_neutralises_formulas() throws IOException {
        Download csv = download(clinician, "/api/v1/patients/" + patient + "/check-ins.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv").contains("UTF-8");
        assertThat(csv.disposition()).contains("attachment").contains(".csv");
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF); // UTF-8 byte order mark
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.text().substring(1)))) {
            assertThat(parser.getHeaderNames()).containsExactly(CheckInCsv.HEADER);
            rows = parser.getRecords();
        }
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(r -> r.get("walk_number")).containsExactly("0", "1", "");
        assertThat(rows).extracting(r -> r.get("walk_minutes")).containsExactly("12", "15", "");
        assertThat(rows.get(1).get("walk_pain_after")).isEqualTo("6");
        assertThat(rows.get(1).get("walk_sharp_pain")).isEqualTo("true");
        assertThat(rows.get(0).get("notes")).isEqualTo("'" + FORMULA_NOTE);
        assertThat(rows.get(2).get("notes")).isEqualTo("'+ rest day, @home");
        assertThat(rows.get(2).get("overall_pain")).isEqualTo("4");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("patient_id")).isEqualTo(String.valueOf(patient)));
        assertThat(audits("EXPORTED", true)).isEqualTo(1);
    }

    @Test
    void exports_tell_times_and_today_in_the_clinics_own_time_zone() throws IOException {
        jdbc.sql("update clinic set time_zone = 'Pacific/Auckland' where id = ?").param(clinic).update();
        clock.setInstant(java.time.Instant.parse("2026-11-29T20:00:00Z")); // 30 November, 09:00 in Auckland

        Download csv = download(clinician, "/api/v1/patients/" + patient + "/check-ins.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.disposition()).contains("patient-" + patient + "-check-ins-2026-11-30.csv");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.text().substring(1)))) {
            assertThat(parser.getRecords()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.get("recorded_at")).endsWith("+13:00"));
        }
        assertThat(download(clinician, "/api/v1/patients/" + patient + "/report.pdf").disposition())
                .contains("progress-report-2026-11-30.pdf");
    }

    @Test
    void the_fhir_bundle_parses_strictly_validates_against_the_schema_and_groups_pain_under_each_walk() {
        Download fhir = download(clinician, "/api/v1/patients/" + patient + "/fhir");

        assertThat(fhir.status()).isEqualTo(200);
        assertThat(fhir.contentType()).startsWith("application/fhir+json");
        IParser strict = FhirBundleWriter.FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        Bundle bundle = strict.parseResource(Bundle.class, fhir.text());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);

        FhirValidator validator = FhirBundleWriter.FHIR.newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        ValidationResult result = validator.validateWithResult(bundle);
        assertThat(result.getMessages()).as(result.getMessages().toString()).isEmpty();

        Map<String, Resource> byUrl = new LinkedHashMap<>();
        bundle.getEntry().forEach(e -> byUrl.put(e.getFullUrl(), e.getResource()));
        assertThat(byUrl.values()).extracting(r -> r.fhirType()).contains("Patient", "Organization", "CareTeam",
                "EpisodeOfCare", "Goal", "Condition", "Practitioner");
        List<Observation> observations = byUrl.values().stream().filter(Observation.class::isInstance)
                .map(Observation.class::cast).toList();
        Map<String, Integer> codes = new LinkedHashMap<>();
        observations.forEach(o -> codes.merge(o.getCode().getCodingFirstRep().getCode(), 1, Integer::sum));
        // pain: 2 daily scores + before and after each of 2 walks; steps once; 2 walks
        assertThat(codes).containsEntry("72514-3", 6).containsEntry("41950-7", 1).containsEntry("55411-3", 2);
        Observation steps = observations.stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals("41950-7"))
                .findFirst().orElseThrow();
        assertThat(steps.getValueQuantity().getCode()).isEqualTo("/d");
        assertThat(steps.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(steps.getCategory()).extracting(c -> c.getCodingFirstRep().getCode())
                .containsExactly("activity", "PhysicalActivity");

        Observation walk = observations.stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals("55411-3"))
                .filter(o -> o.getValueQuantity().getValue().intValue() == 15).findFirst().orElseThrow();
        assertThat(walk.getValueQuantity().getCode()).isEqualTo("min");
        assertThat(walk.getHasMember()).hasSize(2);
        List<Integer> painAroundWalk = walk.getHasMember().stream()
                .map(r -> ((Observation) byUrl.get(r.getReference())).getValueQuantity().getValue().intValue()).toList();
        assertThat(painAroundWalk).containsExactly(4, 6);

        // every reference inside the bundle points at one of its entries
        Set<String> dangling = new HashSet<>();
        for (Resource r : byUrl.values()) {
            FhirBundleWriter.FHIR.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class).stream()
                    .map(Reference::getReference).filter(ref -> ref != null && !byUrl.containsKey(ref))
                    .forEach(dangling::add);
        }
        assertThat(dangling).isEmpty();

        List<org.hl7.fhir.r4.model.QuestionnaireResponse> outcomes = byUrl.values().stream()
                .filter(org.hl7.fhir.r4.model.QuestionnaireResponse.class::isInstance)
                .map(org.hl7.fhir.r4.model.QuestionnaireResponse.class::cast).toList();
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.getFirst().getQuestionnaire()).isEqualTo("urn:walkrx:questionnaire:PEG");
        assertThat(outcomes.getFirst().getItem()).filteredOn(i -> i.getLinkId().equals("score"))
                .singleElement().satisfies(i -> assertThat(i.getAnswerFirstRep().getValueDecimalType().getValue())
                        .isEqualByComparingTo("4.3"));
        assertThat(audits("EXPORTED", true)).isEqualTo(1);
        assertThat(audits("VIEWED_OUTCOMES", true)).isZero(); // the export is audited once, as EXPORTED
    }

    @Test
    void the_progress_report_names_the_patient_and_says_there_are_too_few_scores_yet() throws IOException {
        Download pdf = download(clinician, "/api/v1/patients/" + patient + "/report.pdf");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isBetween(1, 2);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Ada Lovelace-O'Brien <&>").contains("Too few pain scores yet to judge a change");
            assertThat(text).contains("Outcome measures").contains("PEG pain scale").contains("4.3");
        }
        assertThat(audits("EXPORTED", true)).isEqualTo(1);
        assertThat(audits("VIEWED_OUTCOMES", true)).isZero();
    }

    @Test
    void someone_outside_the_care_team_gets_404_on_every_export_and_each_try_is_audited_as_denied() {
        for (String path : List.of("report.pdf", "check-ins.csv", "fhir")) {
            assertThat(download(stranger, "/api/v1/patients/" + patient + "/" + path).status()).as(path).isEqualTo(404);
            // the exports are the care team's (API.md): other roles are refused by role, as a patient is
            assertThat(download(admin, "/api/v1/patients/" + patient + "/" + path).status()).as(path).isEqualTo(403);
        }
        assertThat(Downloads.get(port, patientUser.username(), TestData.PASSWORD,
                "/api/v1/patients/" + patient + "/fhir").status()).isEqualTo(403);
        assertThat(jdbc.sql("select detail from audit_event where patient_id = ? and action = 'ACCESS_DENIED' and user_id = ?")
                .params(patient, stranger.id()).query(String.class).list())
                .containsExactlyInAnyOrder("EXPORTED: report.pdf", "EXPORTED: check-ins.csv", "EXPORTED: fhir");
        assertThat(audits("EXPORTED", true)).isZero();
        assertThat(download(clinician, "/api/v1/patients/999999999/fhir").status()).isEqualTo(404);
    }

    @Test
    void the_caseload_csv_lists_the_admins_clinic_and_the_clinicians_own_patients() throws IOException {
        long other = data.patient(clinic, "Bea", "Stranger", null, stranger);

        List<String> adminIds = ids(download(admin, "/api/v1/caseload.csv"));
        List<String> clinicianIds = ids(download(clinician, "/api/v1/caseload.csv"));

        assertThat(adminIds).containsExactlyInAnyOrder(String.valueOf(patient), String.valueOf(other));
        assertThat(clinicianIds).containsExactly(String.valueOf(patient));
        assertThat(Downloads.get(port, patientUser.username(), TestData.PASSWORD, "/api/v1/caseload.csv").status())
                .isEqualTo(403);
        // one entry per patient exported
        assertThat(jdbc.sql("select patient_id from audit_event where user_id = ? and action = 'EXPORTED'"
                        + " and detail like 'caseload.csv%'")
                .param(admin.id()).query(Long.class).list()).map(String::valueOf)
                .containsExactlyInAnyOrderElementsOf(adminIds);
    }

    private static List<String> ids(Download csv) throws IOException {
        assertThat(csv.status()).isEqualTo(200);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv.body(), StandardCharsets.UTF_8).substring(1)))) {
            List<String> ids = new ArrayList<>();
            parser.forEach(r -> ids.add(r.get("patient_id")));
            return ids;
        }
    }
}
