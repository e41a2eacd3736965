package com.walkrx.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.walkrx.base.security.Role;
import com.walkrx.dashboard.DashboardFixture.PhaseSpec;
import com.walkrx.dashboard.OverviewStats.Outcome;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData.User;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The overview's outcomes against hand-computed values (week k = plan days 7(k-1)..7k-1):
 * <pre>
 *             baseline  week 2      week 4      week 8           week 12
 * One (A)     6.0       5,5: -1     4: -2 MCID  3,4: -2.5 MCID   2: -4 MCID
 * Two (A)     5.0       4: -1       3: -2 MCID  5: 0             (not there yet)
 * Three (B)   10.0      7: -3 MCID  -           -                -
 * mean        -5/3, 1/3 reached    -2, 2/2     -1.25, 1/2       -4, 1/1
 * </pre>
 */
@WalkRxTest
class ClinicOverviewNumbersTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);

    @Autowired
    ClinicOverviewService overview;

    User admin;
    User clinicianA;

    @BeforeEach
    void fixture() {
        clock.setDate(TODAY);
        var f = new DashboardFixture(jdbc);
        long clinic = data.clinic();
        admin = data.staff(clinic, Role.ADMIN);
        clinicianA = data.staff(clinic, Role.CLINICIAN);
        User clinicianB = data.staff(clinic, Role.CLINICIAN);
        long one = data.patient(clinic, clinicianA);
        long two = data.patient(clinic, clinicianA);
        long three = data.patient(clinic, clinicianB);

        LocalDate s1 = TODAY.minusDays(90);
        f.plan(clinic, one, "ACTIVE", 3, s1, s1, s1.plusDays(28), PhaseSpec.perDay(1, 3, 10), PhaseSpec.perDay(2, 2, 15),
                PhaseSpec.perWeek(3, 5, 30));
        pains(f, clinic, one, s1, 0, 6, 6, 6, 6, 6, 6, 6);
        pains(f, clinic, one, s1, 7, 5, 5);
        pains(f, clinic, one, s1, 21, 4);
        pains(f, clinic, one, s1, 50, 3, 4);
        pains(f, clinic, one, s1, 80, 2);

        LocalDate s2 = TODAY.minusDays(60);
        f.plan(clinic, two, "ACTIVE", 2, s2, s2, s2.plusDays(14), PhaseSpec.perDay(1, 3, 10), PhaseSpec.perDay(2, 2, 15));
        f.checkIn(clinic, two, s2, 9, null); // superseded the same day
        pains(f, clinic, two, s2, 0, 5, 5, 5, 5, 5, 5, 5);
        pains(f, clinic, two, s2, 10, 4);
        pains(f, clinic, two, s2, 22, 3);
        pains(f, clinic, two, s2, 55, 5);
        for (int d = 1; d <= 7; d++) {
            f.walk(clinic, two, TODAY.minusDays(d), 30, 4, 3);
        }

        LocalDate s3 = TODAY.minusDays(30);
        f.plan(clinic, three, "PAUSED", 2, s3, s3, s3.plusDays(14), PhaseSpec.perDay(1, 3, 10), PhaseSpec.perDay(2, 2, 15));
        pains(f, clinic, three, s3, 0, 10, 10, 10, 10, 10, 10, 10);
        pains(f, clinic, three, s3, 9, 7);
        for (int d = 1; d <= 7; d++) {
            f.walk(clinic, three, TODAY.minusDays(d), 15, 6, 5);
        }

        f.flag(clinic, one, "CAUDA_EQUINA_SIGNS", "URGENT", "OPEN", TODAY.minusDays(1));
        f.flag(clinic, two, "MISSED_CHECK_INS", "ADVISORY", "OPEN", TODAY.minusDays(3));
        f.flag(clinic, two, "FEVER", "HIGH", "RESOLVED", TODAY.minusDays(20));
    }

    /** Daily pain scores on consecutive plan days from {@code firstDay}. */
    private static void pains(DashboardFixture f, long clinic, long patient, LocalDate start, int firstDay, int... pains) {
        for (int i = 0; i < pains.length; i++) {
            f.checkIn(clinic, patient, start.plusDays(firstDay + i), pains[i], null);
        }
    }

    private OverviewStats as(User user) {
        user.login();
        return overview.overview(user.caller());
    }

    @Test
    void outcomes_at_weeks_2_4_8_12_are_mean_changes_from_baseline_and_shares_reaching_the_important_change() {
        OverviewStats stats = as(admin);
        assertThat(stats.outcomes()).extracting(Outcome::week).containsExactly(2, 4, 8, 12);
        assertOutcome(stats.outcomes().get(0), 3, -5.0 / 3, 1);
        assertOutcome(stats.outcomes().get(1), 2, -2.0, 2);
        assertOutcome(stats.outcomes().get(2), 2, -1.25, 1);
        assertOutcome(stats.outcomes().get(3), 1, -4.0, 1);
        assertThat(stats.outcomes().get(0).share()).isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void a_clinician_sees_the_outcomes_of_their_own_patients() {
        OverviewStats stats = as(clinicianA);
        assertThat(stats.wholeClinic()).isFalse();
        assertOutcome(stats.outcomes().get(0), 2, -1.0, 0);
        assertThat(stats.patients()).isEqualTo(2);
    }

    @Test
    void counts_flags_phases_and_adherence_bands_cover_the_callers_patients() {
        OverviewStats stats = as(admin);
        assertThat(stats.wholeClinic()).isTrue();
        assertThat(stats.patients()).isEqualTo(3);
        assertThat(stats.onActivePlan()).isEqualTo(2);
        assertThat(stats.onPausedPlan()).isEqualTo(1);
        assertThat(stats.checkedInLast7Days()).isEqualTo(2); // two and three walked this week
        assertThat(stats.patientsWithOpenFlags()).isEqualTo(2);
        assertThat(stats.openUrgent()).isEqualTo(1);
        assertThat(stats.openHigh()).isZero();
        assertThat(stats.openAdvisory()).isEqualTo(1);
        assertThat(stats.phases()).containsExactly(new OverviewStats.PhaseCount(2, 2), new OverviewStats.PhaseCount(3, 1));
        // one: 0 of 150 min/week -> 0; two: 30 of 30 a day -> 1.0; three: 15 of 30 a day -> 0.5
        assertThat(stats.adherence()).isEqualTo(new OverviewStats.Adherence(1, 1, 1, 0));
    }

    private static void assertOutcome(Outcome o, long patients, double meanChange, long reached) {
        assertThat(o.patients()).as("patients at week %d", o.week()).isEqualTo(patients);
        assertThat(o.meanChange()).as("mean change at week %d", o.week()).isCloseTo(meanChange, within(1e-9));
        assertThat(o.reachedImportantChange()).as("reached at week %d", o.week()).isEqualTo(reached);
    }
}
