package com.walkrx.flag;

import com.walkrx.base.clinical.Tier;
import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.cluster.ClusterLock;
import com.walkrx.base.security.Role;
import com.walkrx.checkin.CheckInEvaluator;
import com.walkrx.checkin.CheckInEvaluator.RaisedFlag;
import com.walkrx.flag.RuleMatch.Evidence;
import com.walkrx.plan.SafetyStatus;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;

/** The evaluator against the real database: flags commit with the check-in, dedupe, reopen after resolution. */
@WalkRxTest
@RecordApplicationEvents
class FlagEvaluatorTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Autowired PlatformTransactionManager txManager;
    @Autowired FlagEvaluator evaluator;
    @Autowired FlagRecorder recorder;
    @Autowired FlagService service;
    @Autowired SafetyStatus safety;
    @Autowired List<CheckInEvaluator> checkInEvaluators;
    @Autowired ApplicationEvents events;
    @Autowired CheckIns checkIns;

    long clinic;
    TestData.User clinician;
    long patient;

    @BeforeEach
    void setUp() {
        clock.setDate(TODAY);
        clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
        patient = data.patient(clinic, clinician);
        clinician.login();
    }

    private List<FlagView> flagsOfPatient() {
        return service.ofPatient(clinician.caller(), patient, null, 0, 50).items();
    }

    @Test
    void the_flag_module_is_the_check_in_evaluator() {
        assertThat(checkInEvaluators).contains(evaluator); // beside test-only probes
    }

    @Test
    void bladder_problems_raise_an_urgent_cauda_equina_flag_with_evidence_and_the_patient_message() {
        var recorded = checkIns.record(clinic, patient, TODAY, c -> c.pain(5).bladder());

        assertThat(recorded.evaluation().flags()).containsExactly(new RaisedFlag(flagsOfPatient().getFirst().id(),
                "CAUDA_EQUINA_SIGNS", Tier.URGENT, Tier.URGENT.patientMessage()));
        assertThat(recorded.evaluation().planPaused()).isFalse(); // no plan on this branch's patient
        FlagView flag = flagsOfPatient().getFirst();
        assertThat(flag.status()).isEqualTo(FlagStatus.OPEN);
        assertThat(flag.basis()).isEqualTo(FlagCode.CAUDA_EQUINA_SIGNS.basis());
        assertThat(flag.evidence()).extracting(FlagView.Evidence::checkInId, FlagView.Evidence::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(recorded.checkInId(),
                        "new bladder or bowel control problems reported on " + TODAY));
        assertThat(safety.hasOpenUrgentOrHigh(patient)).isTrue();
        assertThat(safety.openAdvice(patient)).containsExactly(Tier.URGENT.patientMessage());
        assertThat(events.stream(FlagRaised.class)).extracting(FlagRaised::patientId, FlagRaised::code,
                FlagRaised::firstRaised).containsExactly(org.assertj.core.groups.Tuple.tuple(patient,
                FlagCode.CAUDA_EQUINA_SIGNS, true));
    }

    @Test
    void the_same_symptom_again_adds_evidence_to_the_open_flag_instead_of_a_second_flag() {
        var first = checkIns.record(clinic, patient, TODAY.minusDays(1), c -> c.bladder());
        var second = checkIns.record(clinic, patient, TODAY, c -> c.bladder());

        assertThat(flagsOfPatient()).hasSize(1);
        FlagView flag = flagsOfPatient().getFirst();
        assertThat(second.evaluation().flags()).extracting(RaisedFlag::id).containsExactly(flag.id());
        assertThat(flag.evidence()).extracting(FlagView.Evidence::checkInId)
                .containsExactly(first.checkInId(), second.checkInId());
    }

    @Test
    void an_acknowledged_flag_still_collects_evidence_and_after_resolution_a_new_flag_opens() {
        checkIns.record(clinic, patient, TODAY.minusDays(2), c -> c.fever());
        long flagId = flagsOfPatient().getFirst().id();
        service.acknowledge(clinician.caller(), flagId, "called the patient");
        checkIns.record(clinic, patient, TODAY.minusDays(1), c -> c.fever());
        assertThat(flagsOfPatient()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(FlagStatus.ACKNOWLEDGED);
            assertThat(f.evidence()).hasSize(2);
        });

        service.resolve(clinician.caller(), flagId, Outcome.SEEN_BY_DOCTOR, FlagAction.GP_INFORMED, "GP: viral, resolved");
        var again = checkIns.record(clinic, patient, TODAY, c -> c.fever());

        List<FlagView> all = flagsOfPatient();
        assertThat(all).hasSize(2);
        assertThat(all.getFirst().status()).isEqualTo(FlagStatus.OPEN);
        assertThat(all.getFirst().id()).isNotEqualTo(flagId).isEqualTo(again.evaluation().flags().getFirst().id());
        assertThat(all.getFirst().evidence()).hasSize(1);
        assertThat(all.get(1).status()).isEqualTo(FlagStatus.RESOLVED);
    }

    @Test
    void a_check_in_without_anything_of_note_raises_nothing() {
        var recorded = checkIns.record(clinic, patient, TODAY, c -> c.pain(3).walk(4, 3).walk(3, 3));
        assertThat(recorded.evaluation().flags()).isEmpty();
        assertThat(flagsOfPatient()).isEmpty();
        assertThat(safety.hasOpenUrgentOrHigh(patient)).isFalse();
        assertThat(safety.openAdvice(patient)).isEmpty();
    }

    @Test
    void pain_rising_on_three_of_five_walks_raises_high_with_each_walk_as_evidence() {
        checkIns.record(clinic, patient, TODAY.minusDays(4), c -> c.walk(3, 3));
        checkIns.record(clinic, patient, TODAY.minusDays(3), c -> c.walk(3, 5));
        var second = checkIns.record(clinic, patient, TODAY.minusDays(2), c -> c.walk(3, 5));
        assertThat(second.evaluation().flags()).isEmpty(); // 2 of 3
        var third = checkIns.record(clinic, patient, TODAY, c -> c.walk(3, 6).walk(2, 2));

        assertThat(third.evaluation().flags()).extracting(RaisedFlag::code, RaisedFlag::tier)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PAIN_WORSENS_WITH_WALKING", Tier.HIGH));
        assertThat(flagsOfPatient().getFirst().evidence()).extracting(FlagView.Evidence::detail).containsExactly(
                "pain 3 -> 5 on a walk on flat ground on " + TODAY.minusDays(3),
                "pain 3 -> 5 on a walk on flat ground on " + TODAY.minusDays(2),
                "pain 3 -> 6 on a walk on flat ground on " + TODAY,
                "3 of the last 5 walks raised pain by 2 points or more");
    }

    @Test
    void several_rules_on_one_check_in_are_listed_most_severe_first() {
        var recorded = checkIns.record(clinic, patient, TODAY, c -> c.pain(8).injury().saddle().sharpWalk(5, 8));
        assertThat(recorded.evaluation().flags()).extracting(RaisedFlag::code).containsExactly(
                "CAUDA_EQUINA_SIGNS", "SEVERE_ACUTE_INJURY", "SHARP_OR_SEVERE_PAIN");
        assertThat(safety.openAdvice(patient)).containsExactly(Tier.URGENT.patientMessage(),
                Tier.HIGH.patientMessage(), Tier.ADVISORY.patientMessage());
    }

    @Test
    void a_new_check_in_resolves_a_missed_check_ins_flag_by_the_system() {
        checkIns.inTransaction(() -> recorder.store(clinic, patient, new RuleMatch(FlagCode.MISSED_CHECK_INS,
                new Evidence(null, "no check-in on 3 days")), clock.instant()));
        assertThat(flagsOfPatient()).singleElement().extracting(FlagView::status).isEqualTo(FlagStatus.OPEN);

        checkIns.record(clinic, patient, TODAY, c -> c.pain(3));

        FlagView missed = flagsOfPatient().getFirst();
        assertThat(missed.status()).isEqualTo(FlagStatus.RESOLVED);
        assertThat(missed.resolvedBySystem()).isTrue();
        assertThat(missed.resolvedBy()).isEqualTo(FlagView.SYSTEM);
        assertThat(missed.resolveNote()).contains("checked in again");
    }

    @Test
    void a_failed_check_in_transaction_leaves_no_flag_behind() {
        try {
            checkIns.inTransaction(() -> {
                CheckIns.Spec spec = new CheckIns.Spec().bladder();
                long id = checkIns.insert(clinic, patient, TODAY, spec);
                evaluator.evaluate(clinic, patient, id, TODAY);
                throw new IllegalStateException("the check-in failed after evaluation");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(flagsOfPatient()).isEmpty();
    }

    @Test
    void the_schedule_runs_on_one_instance_at_a_time() {
        // Another instance holds the schedule's lock: this round is skipped.
        var other = new org.springframework.transaction.support.TransactionTemplate(txManager);
        var started = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> other.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(:ns, :key)").param("ns", ClusterLock.NAMESPACE)
                    .param("key", ClusterLock.key(FlagEvaluator.SCHEDULE_JOB)).query().singleRow();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        try {
            assertThat(awaitQuietly(started)).isTrue();
            assertThat(evaluator.evaluateSchedule()).isEqualTo(-1);
        } finally {
            release.countDown();
        }
        joinQuietly(holder);
        assertThat(evaluator.evaluateSchedule()).isGreaterThanOrEqualTo(0);
    }

    private static boolean awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            return latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
