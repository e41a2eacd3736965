package com.walkrx.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.walkrx.base.security.Role;
import com.walkrx.clinic.ClinicService;
import com.walkrx.dashboard.DashboardFixture.PhaseSpec;
import com.walkrx.plan.PlanService;
import com.walkrx.plan.PlanView;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData.User;
import com.walkrx.support.WalkRxTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Adherence has one definition (walking-plans.md: the 7 whole days before today, from the day of activation in
 * the clinic's time zone), computed twice: in Java by the plan module ({@code Progression.adherence}, shown on
 * the plan) and in SQL by the caseload. This pins the two to each other on the same data, for a clinic in
 * London and one in Auckland, with the plan activated at an instant that is 26 February in London and already
 * 27 February in Auckland.
 *
 * <p>Today is 2 March in both zones (05:00 UTC). Per-day phase, 3 walks x 10 min; walked 30, 30, 0, 15 minutes
 * on 26 Feb .. 1 Mar. London: window 26 Feb..1 Mar, (1 + 1 + 0 + .5) / 4 = .625. Auckland: window 27 Feb..1 Mar,
 * (1 + 0 + .5) / 3 = .5.
 */
@WalkRxTest
class AdherenceAgreementTest extends SpringTest {

    static final Instant NOW = Instant.parse("2026-03-02T05:00:00Z");
    static final Instant ACTIVATED = Instant.parse("2026-02-26T12:30:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Autowired
    ClinicService clinics;
    @Autowired
    CaseloadService caseload;
    @Autowired
    PlanService plans;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"Europe/London, 0.625", "Pacific/Auckland, 0.5"})
    void the_plan_and_the_caseload_give_the_same_adherence(String zone, double expected) {
        clock.setInstant(NOW);
        long clinic = clinics.createClinic("Adherence clinic " + System.nanoTime(), zone);
        User clinician = data.staff(clinic, Role.CLINICIAN);
        clinician.login();
        long patient = data.patient(clinic, clinician);
        var f = new DashboardFixture(jdbc);
        long plan = f.plan(clinic, patient, "ACTIVE", 1, TODAY.minusDays(10), TODAY.minusDays(10),
                TODAY.minusDays(10), PhaseSpec.perDay(1, 3, 10));
        jdbc.sql("update plan set activated_at = ? where id = ?").params(Timestamp.from(ACTIVATED), plan).update();
        int[] minutes = {30, 30, 0, 15};
        for (int i = 0; i < minutes.length; i++) {
            if (minutes[i] > 0) {
                f.walk(clinic, patient, LocalDate.of(2026, 2, 26).plusDays(i), minutes[i], 4, 4);
            }
        }

        Double sql = caseload.page(clinician.caller(), CaseloadFilter.TRIAGE, 0, 10).items().stream()
                .filter(r -> r.id() == patient).findFirst().orElseThrow().adherence7d();
        PlanView view = plans.get(clinician.caller(), patient).orElseThrow();

        assertThat(sql).isCloseTo(expected, within(1e-9));
        assertThat(view.adherence7d()).isCloseTo(sql, within(1e-9));
    }

    @Test
    void a_plan_of_a_clinic_in_another_time_zone_starts_on_that_clinic_date() {
        clock.setInstant(Instant.parse("2026-03-02T12:00:00Z"));
        long auckland = clinics.createClinic("Auckland " + System.nanoTime(), "Pacific/Auckland");
        User clinician = data.staff(auckland, Role.CLINICIAN);
        clinician.login();
        long patient = data.patient(auckland, clinician);
        plans.assign(clinician.caller(), patient, com.walkrx.plan.Template.STANDARD, null, true, null);

        assertThat(plans.get(clinician.caller(), patient).orElseThrow().phaseStartedOn())
                .as("activated at 01:00 on 3 March in Auckland").isEqualTo(LocalDate.of(2026, 3, 3));
    }
}
