package com.walkrx.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.walkrx.base.security.Role;
import com.walkrx.dashboard.DashboardFixture.PhaseSpec;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData.User;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The caseload's numbers against values worked out by hand on a small fixture (today = 2026-03-02):
 * <ul>
 * <li>Alpha: per-day phase, 3 walks x 10 min = 30 min a day. Window 02-23..03-01 walked 30, 15, 45, 0, 10, 20,
 *     30 minutes: scores 1, .5, 1, 0, 1/3, 2/3, 1 = 4.5 over 7 days = 0.642857. Baseline 6,6,6,6,6,6,6 (the first
 *     day's earlier 9 is superseded), latest 4: exactly 2 points better. Open HIGH and ADVISORY flags.</li>
 * <li>Bravo: per-week phase, 5 walks x 30 min, activated 02-27: window cut to 3 days, 40 minutes walked against
 *     150 x 3/7: 280/450 = 0.622222. Baseline 5,4,4,4,4,4,5 = 30/7, latest 3: exactly 30% better. Open URGENT.</li>
 * <li>Ccc: no plan; baseline from the first check-in: 5 and 4 (4.5), latest 4: no marker; 5 days since check-in.</li>
 * <li>Eee: no plan, never checked in. Delta: another clinician's patient.</li>
 * </ul>
 */
@WalkRxTest
class CaseloadNumbersTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Autowired
    CaseloadService caseload;

    User clinician;
    User admin;
    long alpha;
    long bravo;
    long ccc;
    long eee;
    long delta;

    @BeforeEach
    void fixture() {
        clock.setDate(TODAY);
        var f = new DashboardFixture(jdbc);
        long clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
        User other = data.staff(clinic, Role.CLINICIAN);
        admin = data.staff(clinic, Role.ADMIN);
        alpha = data.patient(clinic, "Ann", "Alpha", null, clinician);
        bravo = data.patient(clinic, "Ben", "Bravo", null, clinician);
        ccc = data.patient(clinic, "Cat", "Ccc", null, clinician);
        eee = data.patient(clinic, "Eve", "Eee", null, clinician);
        delta = data.patient(clinic, "Dan", "Delta", null, other);

        LocalDate alphaStart = TODAY.minusDays(20);
        f.plan(clinic, alpha, "ACTIVE", 1, alphaStart, alphaStart, alphaStart, PhaseSpec.perDay(1, 3, 10));
        f.checkIn(clinic, alpha, alphaStart, 9, null);
        for (int d = 0; d < 8; d++) {
            f.checkIn(clinic, alpha, alphaStart.plusDays(d), 6, 4000);
        }
        f.checkIn(clinic, alpha, TODAY.minusDays(1), 8, null);
        f.checkIn(clinic, alpha, TODAY.minusDays(1), 4, null);
        f.walk(clinic, alpha, TODAY.minusDays(8), 30, 5, 4); // before the window
        int[] minutes = {30, 15, 45, 0, 10, 20, 30};
        for (int i = 0; i < 7; i++) {
            if (minutes[i] > 0) {
                f.walk(clinic, alpha, TODAY.minusDays(7 - i), minutes[i], 5, 4);
            }
        }
        f.walk(clinic, alpha, TODAY, 30, 5, 4); // today is not in the window
        f.flag(clinic, alpha, "PAIN_WORSENS_WITH_WALKING", "HIGH", "OPEN", TODAY.minusDays(2));
        f.flag(clinic, alpha, "SHARP_OR_SEVERE_PAIN", "ADVISORY", "OPEN", TODAY.minusDays(5));
        f.flag(clinic, alpha, "FEVER", "URGENT", "RESOLVED", TODAY.minusDays(9));

        LocalDate bravoStart = TODAY.minusDays(40);
        f.plan(clinic, bravo, "ACTIVE", 3, bravoStart, TODAY.minusDays(3), TODAY.minusDays(3),
                PhaseSpec.perDay(1, 3, 10), PhaseSpec.perDay(2, 2, 15), PhaseSpec.perWeek(3, 5, 30));
        int[] pains = {5, 4, 4, 4, 4, 4, 5};
        for (int d = 0; d < 7; d++) {
            f.checkIn(clinic, bravo, bravoStart.plusDays(d), pains[d], null);
        }
        f.walk(clinic, bravo, TODAY.minusDays(5), 60, 4, 3); // before activation
        f.walk(clinic, bravo, TODAY.minusDays(2), 40, 4, 3);
        f.checkIn(clinic, bravo, TODAY.minusDays(2), 3, null);
        f.flag(clinic, bravo, "CAUDA_EQUINA_SIGNS", "URGENT", "OPEN", TODAY.minusDays(1));

        f.checkIn(clinic, ccc, TODAY.minusDays(10), 5, null);
        f.checkIn(clinic, ccc, TODAY.minusDays(5), 4, null);

        f.checkIn(clinic, delta, TODAY.minusDays(1), 7, null);
        f.flag(clinic, delta, "FEVER", "URGENT", "OPEN", TODAY.minusDays(1));
    }

    private List<CaseloadRow> rows(User user, CaseloadFilter filter) {
        user.login();
        return caseload.page(user.caller(), filter, 0, 50).items();
    }

    private CaseloadRow row(long id) {
        return rows(clinician, CaseloadFilter.TRIAGE).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Test
    void adherence_follows_the_shared_definition_for_per_day_and_per_week_phases() {
        assertThat(row(alpha).adherence7d()).isCloseTo(4.5 / 7, within(1e-9));
        assertThat(row(bravo).adherence7d()).isCloseTo(280.0 / 450, within(1e-9));
        assertThat(row(ccc).adherence7d()).isNull();
        assertThat(row(eee).adherence7d()).isNull();
    }

    @Test
    void change_from_baseline_marks_exactly_two_points_and_exactly_thirty_percent() {
        CaseloadRow a = row(alpha);
        assertThat(a.latestPain()).isEqualTo(4);
        assertThat(a.latestPainDate()).isEqualTo(TODAY.minusDays(1));
        assertThat(a.painChange().baseline()).isEqualTo(6.0);
        assertThat(a.painChange().change()).isEqualTo(-2.0);
        assertThat(a.painChange().clinicallyImportant()).isTrue();

        CaseloadRow b = row(bravo);
        assertThat(b.painChange().baseline()).isCloseTo(30.0 / 7, within(1e-12));
        assertThat(b.painChange().change()).isCloseTo(3 - 30.0 / 7, within(1e-12));
        assertThat(b.painChange().clinicallyImportant()).isTrue();

        CaseloadRow c = row(ccc);
        assertThat(c.painChange().baseline()).isEqualTo(4.5);
        assertThat(c.painChange().clinicallyImportant()).isFalse();
        assertThat(row(eee).painChange()).isNull();
    }

    @Test
    void flags_check_ins_phase_and_sparkline_are_per_patient() {
        CaseloadRow a = row(alpha);
        assertThat(a.highFlags()).isEqualTo(1);
        assertThat(a.advisoryFlags()).isEqualTo(1);
        assertThat(a.urgentFlags()).isZero(); // the URGENT one is resolved
        assertThat(a.highestOpenTier()).isEqualTo(OpenTier.HIGH);
        assertThat(a.phase()).isEqualTo(1);
        assertThat(a.lastCheckInDate()).isEqualTo(TODAY);
        assertThat(a.daysSinceLastCheckIn()).isZero();
        assertThat(a.pain28d()).hasSize(28);
        assertThat(a.pain28d().get(27)).isNull();          // today: a walk, no pain score
        assertThat(a.pain28d().get(26)).isEqualTo(4);      // yesterday's last score
        assertThat(a.pain28d().get(27 - 20)).isEqualTo(6); // the plan's first day: 6 after 9
        assertThat(a.pain28d().get(0)).isNull();

        CaseloadRow c = row(ccc);
        assertThat(c.daysSinceLastCheckIn()).isEqualTo(5);
        assertThat(c.planStatus()).isNull();
        assertThat(row(eee).lastCheckInDate()).isNull();
    }

    @Test
    void the_caseload_is_ordered_by_most_urgent_open_flag_then_lowest_adherence() {
        assertThat(rows(clinician, CaseloadFilter.TRIAGE)).extracting(CaseloadRow::familyName)
                .containsExactly("Bravo", "Alpha", "Ccc", "Eee");
        clinician.login();
        CaseloadPage page = caseload.page(clinician.caller(), CaseloadFilter.TRIAGE, 1, 2);
        assertThat(page.items()).extracting(CaseloadRow::familyName).containsExactly("Alpha", "Ccc");
        assertThat(page.total()).isEqualTo(4);
    }

    @Test
    void search_and_filters_narrow_the_caseload() {
        assertThat(rows(clinician, CaseloadFilter.TRIAGE.withName("alph"))).extracting(CaseloadRow::familyName)
                .containsExactly("Alpha");
        assertThat(rows(clinician, new CaseloadFilter("", true, false, null, null, false)))
                .extracting(CaseloadRow::familyName).containsExactly("Bravo", "Alpha");
        assertThat(rows(clinician, new CaseloadFilter("", false, true, null, null, false)))
                .extracting(CaseloadRow::familyName).containsExactly("Ccc", "Eee");
        assertThat(rows(clinician, new CaseloadFilter("", false, false, 1, null, false)))
                .extracting(CaseloadRow::familyName).containsExactly("Alpha");
        assertThat(rows(clinician, new CaseloadFilter("", false, false, CaseloadFilter.NO_PLAN, null, false)))
                .extracting(CaseloadRow::familyName).containsExactly("Ccc", "Eee");
        assertThat(rows(clinician, new CaseloadFilter("", false, false, null, CaseloadSort.ADHERENCE, true)))
                .extracting(CaseloadRow::familyName).containsExactly("Alpha", "Bravo", "Ccc", "Eee");
        assertThat(rows(clinician, TRIAGE_LIKE("100%_"))).isEmpty();
    }

    @Test
    void a_clinician_sees_only_their_care_teams_and_an_admin_the_clinic() {
        assertThat(rows(clinician, CaseloadFilter.TRIAGE)).extracting(CaseloadRow::id).doesNotContain(delta);
        assertThat(rows(admin, CaseloadFilter.TRIAGE)).extracting(CaseloadRow::familyName)
                .containsExactly("Bravo", "Delta", "Alpha", "Ccc", "Eee");
    }

    private static CaseloadFilter TRIAGE_LIKE(String name) {
        return CaseloadFilter.TRIAGE.withName(name);
    }
}
