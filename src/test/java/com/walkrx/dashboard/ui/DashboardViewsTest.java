package com.walkrx.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.walkrx.base.security.Role;
import com.walkrx.dashboard.CaseloadRow;
import com.walkrx.dashboard.ChartRange;
import com.walkrx.dashboard.DashboardFixture;
import com.walkrx.dashboard.DashboardFixture.PhaseSpec;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData.User;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard pages without a browser: the caseload grid with its filters, the patient chart, the
 * patient's own progress and the overview, each on a small fixture of its own.
 */
@WalkRxTest
class DashboardViewsTest extends BrowserlessTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    long clinic;
    User clinician;
    long alpha;
    long bravo;
    long other;

    @BeforeEach
    void fixture() {
        clock.setDate(TODAY);
        var f = new DashboardFixture(jdbc);
        clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
        User otherClinician = data.staff(clinic, Role.CLINICIAN);
        alpha = data.patient(clinic, "Ann", "Alpha", null, clinician);
        bravo = data.patient(clinic, "Bob", "Bravo", null, clinician);
        other = data.patient(clinic, "Oscar", "Other", null, otherClinician);
        LocalDate start = TODAY.minusDays(20);
        f.plan(clinic, alpha, "ACTIVE", 1, start, start, start, PhaseSpec.perDay(1, 3, 10));
        for (int d = 0; d < 7; d++) {
            f.checkIn(clinic, alpha, start.plusDays(d), 6, 4000);
            f.walk(clinic, alpha, start.plusDays(d), 10, 6, 5);
        }
        for (int d = 1; d <= 7; d++) {
            f.walk(clinic, alpha, TODAY.minusDays(d), 30, 5, 3);
        }
        f.checkIn(clinic, alpha, TODAY.minusDays(1), 4, 5000);
        f.flag(clinic, alpha, "PAIN_WORSENS_WITH_WALKING", "HIGH", "OPEN", TODAY.minusDays(3));
        f.checkIn(clinic, bravo, TODAY.minusDays(4), 5, null);
    }

    @Test
    void the_caseload_lists_the_care_teams_patients_most_urgent_first_and_filters_them() {
        clinician.login();
        CaseloadView view = navigate("caseload", CaseloadView.class);
        var grid = test(view.grid());
        assertThat(grid.getRow(0).familyName()).isEqualTo("Alpha");
        assertThat(grid.getRow(1).familyName()).isEqualTo("Bravo");
        assertThat(view.count().getText()).isEqualTo("2 patients");
        assertThat(grid.getLitRendererPropertyValue(0, "flags", "high", String.class)).isEqualTo("1 high");
        assertThat(grid.getLitRendererPropertyValue(0, "pain", "mcid", Boolean.class)).isTrue();
        assertThat(grid.getLitRendererPropertyValue(0, "adherence", "label", String.class)).isEqualTo("100%");
        assertThat(grid.getLitRendererPropertyValue(1, "lastCheckIn", "text", String.class)).isEqualTo("4 days ago");

        test(view.noRecentCheckIn()).click();
        assertThat(grid.getRow(0).familyName()).isEqualTo("Bravo");
        assertThat(view.count().getText()).isEqualTo("1 patient");
        test(view.noRecentCheckIn()).click();

        test(view.search()).setValue("alph");
        assertThat(grid.getRow(0).familyName()).isEqualTo("Alpha");
        assertThat(view.count().getText()).isEqualTo("1 patient");
        test(view.search()).clear();

        test(view.phase()).selectItem("No plan");
        assertThat(grid.getRow(0).familyName()).isEqualTo("Bravo");
        assertThat(view.count().getText()).isEqualTo("1 patient");
    }

    @Test
    void clicking_a_row_opens_the_patient_chart() {
        clinician.login();
        CaseloadView view = navigate("caseload", CaseloadView.class);
        CaseloadRow first = test(view.grid()).getRow(0);
        test(view.grid()).clickRow(0);
        PatientChartView chart = $(PatientChartView.class).single();
        assertThat(chart.current().header().id()).isEqualTo(first.id());
    }

    @Test
    void the_patient_chart_shows_the_baseline_the_important_change_band_and_flag_dates() {
        clinician.login();
        PatientChartView view = navigate("patients/" + alpha, PatientChartView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("Ann Alpha");
        String pain = view.painChart().optionJson();
        assertThat(pain).contains("\"Baseline\"", "\"yAxis\":6.0", "Clinically important improvement",
                "\"xAxis\":\"" + TODAY.minusDays(3) + "\"", "7-day mean", "Pain after walk");
        assertThat(view.activityChart().optionJson()).contains("Prescribed minutes", "[\"" + TODAY.minusDays(1) + "\",30.0]");
        assertThat(view.current().from()).isEqualTo(TODAY.minusDays(27));
        assertThat(test(view.walksGrid()).getRow(0).date()).isEqualTo(TODAY.minusDays(1));

        test(view.rangeSelector()).selectItem(ChartRange.TWELVE_WEEKS.label());
        assertThat(view.current().from()).isEqualTo(TODAY.minusDays(83));
        assertThat(view.current().days()).hasSize(84);
        assertThat(view.planSlot().getElement().getTextRecursively()).contains("phase 1 of 1");
        assertThat(view.flagSlot().getElement().getTextRecursively()).contains("HIGH");
    }

    @Test
    void another_care_teams_patient_is_not_found() {
        clinician.login();
        navigate("patients/" + other, com.walkrx.base.ui.RecordNotFoundView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("Not found");
        assertThat($(Paragraph.class).first().getText()).doesNotContain("Oscar");
        long denied = jdbc.sql("select count(*) from audit_event where user_id = ? and patient_id = ? and action = 'ACCESS_DENIED'")
                .params(clinician.id(), other).query(Long.class).single();
        assertThat(denied).isEqualTo(1);
    }

    @Test
    void a_patient_reads_their_progress_in_plain_words() {
        data.patientUser(clinic, alpha).login();
        ProgressView view = navigate("progress", ProgressView.class);
        assertThat(view.headlineParagraph().getText())
                .isEqualTo("Your pain after walks has dropped from 5 to 3 since you started.");
        assertThat(view.chart().optionJson()).contains("Pain after walks", "Week 3");
    }

    @Test
    void the_overview_covers_a_clinicians_patients_and_an_admins_clinic() {
        clinician.login();
        ClinicOverviewView mine = navigate("overview", ClinicOverviewView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("Overview of your patients");
        assertThat(mine.stats().patients()).isEqualTo(2);
        assertThat(mine.stats().openHigh()).isEqualTo(1);
        assertThat(mine.outcomesChart().optionJson()).contains("Week 2", "Week 12", "Clinically important (-2)");

        data.staff(clinic, Role.ADMIN).login();
        ClinicOverviewView clinicView = navigate("overview", ClinicOverviewView.class);
        assertThat($(H2.class).first().getText()).isEqualTo("Clinic overview");
        assertThat(clinicView.stats().patients()).isEqualTo(3);
    }

    @Test
    void the_caseload_and_the_chart_write_dates_as_the_clinic_does_never_iso() {
        clinician.login();
        CaseloadView caseload = navigate("caseload", CaseloadView.class);
        var grid = test(caseload.grid());
        // Alpha's last check-in was yesterday, 01/03/2026; Bravo's four days ago.
        assertThat(grid.getLitRendererPropertyValue(0, "lastCheckIn", "date", String.class))
                .isEqualTo("Last check-in 01/03/2026");
        assertThat(grid.getLitRendererPropertyValue(1, "lastCheckIn", "date", String.class))
                .isEqualTo("Last check-in 26/02/2026");

        PatientChartView chart = navigate("patients/" + alpha, PatientChartView.class);
        String text = chart.getElement().getTextRecursively();
        assertThat(text).contains("plan since 10/02/2026").doesNotContain("2026-02-10");
        assertThat(test(chart.walksGrid()).getCellText(0, 0)).isEqualTo("Sun 01/03/2026");
    }
}
