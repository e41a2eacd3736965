package com.walkrx.report;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import com.walkrx.base.DemoMode;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.Role;
import com.walkrx.dashboard.CaseloadFilter;
import com.walkrx.dashboard.CaseloadRow;
import com.walkrx.dashboard.CaseloadService;
import com.walkrx.dashboard.ChartRange;
import com.walkrx.dashboard.PatientChart;
import com.walkrx.dashboard.PatientChartService;
import com.walkrx.report.Downloads.Download;
import com.walkrx.support.SpringTest;
import com.walkrx.support.WalkRxTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The exports of a seeded demo patient (eight weeks of walks), as a clinician on the care team downloads them,
 * and the numbers they share with the dashboard checked against it on the same data.
 */
@WalkRxTest
class DemoExportsTest extends SpringTest {

    @Autowired PatientChartService charts;
    @Autowired CaseloadService caseload;
    @Autowired ExportService exports;

    long patient;
    String name;

    @BeforeEach
    void demoPatient() {
        patient = data.patientOf("demo-patient-1");
        name = jdbc.sql("select given_name || ' ' || family_name from patient where id = ?").param(patient)
                .query(String.class).single();
    }

    private Download download(String clinician, String what) {
        return Downloads.get(port, clinician, DemoMode.DEMO_PASSWORD, "/api/v1/patients/" + patient + "/" + what);
    }

    private long exportedRows() {
        return jdbc.sql("select count(*) from audit_event where patient_id = ? and action = 'EXPORTED'")
                .param(patient).query(Long.class).single();
    }

    @Test
    void the_progress_report_names_the_patient_and_the_pain_change_on_one_or_two_pages() throws IOException {
        long before = exportedRows();
        Download pdf = download("demo-clinician-1", "report.pdf");

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(exportedRows()).isEqualTo(before + 1);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isBetween(1, 2);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(name).contains("Walking therapy progress report");
            assertThat(text).containsPattern("Pain (fell|rose) from \\d+\\.\\d to \\d+(\\.\\d)? over \\d+ weeks"
                    + "|Pain is about the same over \\d+ weeks");
            assertThat(text).contains("See-a-doctor flags").contains("Plan and phases");
            BufferedImage page1 = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            Path out = Path.of("target", "screenshots", "progress-report-demo-page1.png");
            Files.createDirectories(out.getParent());
            ImageIO.write(page1, "png", out.toFile());
            assertThat(page1.getWidth()).isGreaterThan(800);
        }
    }

    @Test
    void the_report_of_a_flagged_patient_lists_each_flag_with_how_it_stands() throws IOException {
        record Flagged(long patient, String label) {
        }
        Flagged flagged = jdbc.sql("""
                select f.patient_id, f.code from flag f join care_team_member m on m.patient_id = f.patient_id
                join app_user u on u.id = m.clinician_id where u.username = 'demo-clinician-1'
                order by f.patient_id, f.raised_at limit 1
                """).query((rs, n) -> new Flagged(rs.getLong(1), com.walkrx.flag.FlagCode.valueOf(rs.getString(2)).label()))
                .single();
        patient = flagged.patient();
        Download pdf = download("demo-clinician-1", "report.pdf");

        assertThat(pdf.status()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isBetween(1, 2);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(flagged.label()).containsPattern("see-a-doctor flags? (was|were) raised");
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int page = 0; page < doc.getNumberOfPages(); page++) {
                Path out = Path.of("target", "screenshots", "progress-report-flagged-page" + (page + 1) + ".png");
                Files.createDirectories(out.getParent());
                ImageIO.write(renderer.renderImageWithDPI(page, 110), "png", out.toFile());
            }
        }
    }

    @Test
    void the_fhir_bundle_carries_pain_steps_and_walk_minutes_and_validates() {
        // a patient of the same clinician with see-a-doctor flags, so that Flag and DetectedIssue are in the bundle
        patient = jdbc.sql("""
                select f.patient_id from flag f join care_team_member m on m.patient_id = f.patient_id
                join app_user u on u.id = m.clinician_id where u.username = 'demo-clinician-1'
                order by f.patient_id limit 1
                """).query(Long.class).single();
        long before = exportedRows();
        Download fhir = download("demo-clinician-1", "fhir");

        assertThat(fhir.status()).isEqualTo(200);
        assertThat(exportedRows()).isEqualTo(before + 1);
        Bundle bundle = FhirBundleWriter.FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                .parseResource(Bundle.class, fhir.text());
        Set<String> codes = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance).map(r -> ((Observation) r).getCode().getCodingFirstRep().getCode())
                .collect(Collectors.toSet());
        assertThat(codes).contains("72514-3", "41950-7", "55411-3");
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType()).contains("CarePlan", "Flag", "DetectedIssue");
        FhirValidator validator = FhirBundleWriter.FHIR.newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        assertThat(validator.validateWithResult(bundle).getMessages()).isEmpty();
    }

    @Test
    void the_check_in_csv_has_one_row_per_walk_and_one_per_check_in_without_walks() throws IOException {
        long expected = jdbc.sql("""
                select (select count(*) from walk where patient_id = :p)
                     + (select count(*) from check_in ci where ci.patient_id = :p
                        and not exists (select 1 from walk w where w.check_in_id = ci.id))
                """).param("p", patient).query(Long.class).single();
        Download csv = download("demo-clinician-1", "check-ins.csv");

        assertThat(csv.status()).isEqualTo(200);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.text().substring(1)))) {
            assertThat(parser.getRecords()).hasSize((int) expected);
        }
    }

    @Test
    void a_clinician_outside_the_care_team_gets_404_on_all_three_and_each_try_is_audited() {
        long denied = jdbc.sql("select count(*) from audit_event where patient_id = ? and action = 'ACCESS_DENIED'")
                .param(patient).query(Long.class).single();
        for (String what : List.of("report.pdf", "check-ins.csv", "fhir")) {
            assertThat(download("demo-clinician-2", what).status()).as(what).isEqualTo(404);
        }
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and action = 'ACCESS_DENIED'")
                .param(patient).query(Long.class).single()).isEqualTo(denied + 3);
    }

    @Test
    void the_reports_baseline_is_the_charts_baseline() {
        Caller clinician = caller("demo-clinician-1");
        login(clinician);
        try {
            PatientChart chart = charts.chart(clinician, patient, ChartRange.ALL);
            Episode episode = reader.episode(patient);
            PainCourse course = PainCourse.of(episode.therapyStart(), reader.dailyPain(patient));
            assertThat(episode.therapyStart()).isEqualTo(chart.baselineFrom());
            assertThat(course.baseline()).isEqualTo(chart.painChange().baseline());
            assertThat(course.baselineDays()).isEqualTo(chart.painChange().baselineDays());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void the_caseload_csv_has_the_caseload_grids_numbers() throws IOException {
        Caller clinician = caller("demo-clinician-1");
        login(clinician);
        Map<String, CaseloadRow> grid = new HashMap<>();
        try {
            caseload.page(clinician, new CaseloadFilter(null, false, false, null, null, false), 0, 500).items()
                    .forEach(r -> grid.put(String.valueOf(r.id()), r));
        } finally {
            SecurityContextHolder.clearContext();
        }
        Download csv = Downloads.get(port, "demo-clinician-1", DemoMode.DEMO_PASSWORD, "/api/v1/caseload.csv");
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.text().substring(1)))) {
            rows = parser.getRecords();
        }
        assertThat(rows).extracting(r -> r.get("patient_id")).containsExactlyInAnyOrderElementsOf(grid.keySet());
        for (CSVRecord row : rows) {
            CaseloadRow r = grid.get(row.get("patient_id"));
            assertThat(row.get("adherence_7d_percent")).as(r.fullName())
                    .isEqualTo(r.adherence7d() == null ? "" : String.valueOf(Math.round(r.adherence7d() * 100)));
            assertThat(row.get("latest_pain")).isEqualTo(r.latestPain() == null ? "" : String.valueOf(r.latestPain()));
            assertThat(row.get("last_check_in")).isEqualTo(r.lastCheckInDate() == null ? "" : r.lastCheckInDate().toString());
            assertThat(row.get("baseline_pain")).isEqualTo(r.painChange() == null ? ""
                    : String.format(java.util.Locale.ROOT, "%.1f", r.painChange().baseline()));
            assertThat(Integer.parseInt(row.get("open_urgent_flags"))).isEqualTo(r.urgentFlags());
            assertThat(Integer.parseInt(row.get("open_high_flags"))).isEqualTo(r.highFlags());
            assertThat(Integer.parseInt(row.get("open_advisory_flags"))).isEqualTo(r.advisoryFlags());
        }
    }

    @Autowired EpisodeReader reader;

    private Caller caller(String username) {
        return jdbc.sql("select id, clinic_id from app_user where username = ?").param(username)
                .query((rs, n) -> new Caller(rs.getLong("id"), rs.getLong("clinic_id"), Role.CLINICIAN, null, username))
                .single();
    }

    private static void login(Caller caller) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                caller.username(), null, List.of(new SimpleGrantedAuthority("ROLE_CLINICIAN"))));
    }
}
