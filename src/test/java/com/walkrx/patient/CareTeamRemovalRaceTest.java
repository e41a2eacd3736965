package com.walkrx.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.api.ConflictException;
import com.walkrx.base.security.Role;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A flag raised while the last clinician is being removed: two real transactions on two threads. The flag is
 * raised (not yet committed) first; the removal must wait for it and then refuse, never leave the patient with an
 * open flag and nobody to see it.
 */
@WalkRxTest
class CareTeamRemovalRaceTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Autowired CareTeamService careTeams;
    @Autowired PlatformTransactionManager txManager;

    @Test
    void a_removal_during_an_uncommitted_flag_raise_waits_for_it_and_is_refused() throws Exception {
        clock.setDate(TODAY);
        long clinic = data.clinic();
        TestData.User admin = data.staff(clinic, Role.ADMIN);
        TestData.User only = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, only);

        CountDownLatch raised = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(txManager);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Integer> raising = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            int n = jdbc.sql("""
                    insert into flag (id, clinic_id, patient_id, code, tier, status, basis, patient_message)
                    values (nextval('flag_seq'), ?, ?, 'FEVER', 'HIGH', 'OPEN', 'basis', 'message')
                    """).params(clinic, patient).update();
            raised.countDown();
            await(release);
            return n;
        }), threads);
        CompletableFuture<Throwable> removing;
        boolean waited = false;
        try {
            assertThat(raised.await(30, TimeUnit.SECONDS)).as("the flag is raised").isTrue();
            removing = CompletableFuture.supplyAsync(() -> {
                admin.login();
                try {
                    careTeams.remove(admin.caller(), patient, only.id());
                    return null;
                } catch (Throwable t) {
                    return t;
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }, threads);
            // The removal either finishes (it did not wait: the defect) or blocks on a lock the raise holds.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            boolean waiting = false;
            while (!removing.isDone() && !waiting && Instant.now().isBefore(deadline)) {
                waiting = jdbc.sql("""
                                select count(*) from pg_stat_activity
                                where datname = current_database() and wait_event_type = 'Lock'
                                  and query like '%from patient where id = % for update%'
                                """).query(Long.class).single() > 0;
                Thread.onSpinWait();
            }
            waited = waiting && !removing.isDone();
        } finally {
            release.countDown();
            threads.shutdown();
        }
        assertThat(waited).as("the removal waited for the raise's transaction").isTrue();
        assertThat(raising.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        Throwable refusal = removing.get(30, TimeUnit.SECONDS);

        assertThat(refusal).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo(CareTeamService.LAST_CLINICIAN_WITH_OPEN_FLAGS));
        assertThat(jdbc.sql("select count(*) from care_team_member where patient_id = ?").param(patient)
                .query(Long.class).single()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
