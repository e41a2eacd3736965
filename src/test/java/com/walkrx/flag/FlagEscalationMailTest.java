package com.walkrx.flag;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.walkrx.audit.AuditService;
import com.walkrx.base.security.Role;
import com.walkrx.outbox.OutboxService;
import com.walkrx.support.GreenMailConfiguration;
import com.walkrx.support.KeepSecurityContextStrategy;
import com.walkrx.support.MutableClock;
import com.walkrx.support.SharedTestDatabase;
import com.walkrx.support.TestClockConfiguration;
import com.walkrx.support.TestData;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Issue 20 acceptance: an URGENT flag left unacknowledged past the clinic's threshold (15 minutes) sends one e-mail
 * to the care team and the clinic admin, even with two instances escalating at the same moment: the second
 * "instance" has its own connection pool, transactions, outbox and mail sender, and shares only the database
 * with the application context. GreenMail is the SMTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"walkrx.demo=true",
        "walkrx.flags.escalation-delay=1h", "walkrx.mail.retry-delay=1h"})
@Import({TestClockConfiguration.class, TestData.class, CheckIns.class, GreenMailConfiguration.class})
@ExtendWith(KeepSecurityContextStrategy.class)
class FlagEscalationMailTest {

    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired FlagEscalation escalation;
    @Autowired AuditService audit;
    @Autowired MutableClock clock;
    @Autowired GreenMail greenMail;
    @Autowired CheckIns checkIns;

    @Test
    void an_unacknowledged_urgent_flag_past_15_minutes_sends_one_mail_to_the_care_team_even_with_two_instances()
            throws Exception {
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        TestData.User colleague = data.staff(clinic, Role.CLINICIAN);
        TestData.User outsider = data.staff(clinic, Role.CLINICIAN);
        TestData.User admin = data.staff(clinic, Role.ADMIN);
        String tag = "c" + clinic;
        email(clinician, "clin-" + tag + "@walkrx.test");
        email(colleague, "coll-" + tag + "@walkrx.test");
        email(outsider, "out-" + tag + "@walkrx.test");
        email(admin, "admin-" + tag + "@walkrx.test");
        long patient = data.patient(clinic, "Mei", "Chen", null, clinician, colleague);
        clock.setInstant(Instant.parse("2026-11-29T09:00:00Z"));
        checkIns.record(clinic, patient, LocalDate.of(2026, 11, 29), c -> c.bladder());
        long flag = jdbc.sql("select id from flag where patient_id = ?").param(patient).query(Long.class).single();

        clock.setInstant(Instant.parse("2026-11-29T09:14:59Z"));
        escalateAsBothInstances();
        assertThat(escalatedAt(flag)).as("not yet due at 14:59").isNull();

        clock.setInstant(Instant.parse("2026-11-29T09:15:00Z"));
        escalateAsBothInstances();
        assertThat(escalatedAt(flag)).isEqualTo(Instant.parse("2026-11-29T09:15:00Z"));

        List<String> expected = List.of("admin-" + tag + "@walkrx.test", "clin-" + tag + "@walkrx.test",
                "coll-" + tag + "@walkrx.test");
        assertThat(greenMail.waitForIncomingEmail(Duration.ofSeconds(20).toMillis(), expected.size())).isTrue();
        List<String> delivered = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getSubject().contains("Cauda equina signs") && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().contains(tag))) {
                delivered.addAll(Arrays.stream(m.getAllRecipients()).map(Object::toString)
                        .filter(a -> a.contains(tag)).toList());
            }
        }
        // GreenMail keeps one copy per delivered recipient: each recipient got exactly one
        assertThat(delivered.stream().distinct().sorted().toList()).isEqualTo(expected);
        assertThat(jdbc.sql("select count(*) from outbox_mail where reason = ?").param("escalation of flag " + flag)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox_mail where reason = ? and sent_at is not null")
                .param("escalation of flag " + flag).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ESCALATED_FLAG' and patient_id = ?")
                .param(patient).query(Long.class).single()).isEqualTo(1);

        clock.setInstant(Instant.parse("2026-11-29T10:00:00Z"));
        escalateAsBothInstances();
        assertThat(escalatedAt(flag)).as("never twice").isEqualTo(Instant.parse("2026-11-29T09:15:00Z"));
        assertThat(jdbc.sql("select count(*) from outbox_mail where reason = ?").param("escalation of flag " + flag)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void an_acknowledged_flag_is_not_escalated() {
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, clinician);
        clock.setInstant(Instant.parse("2026-11-29T09:00:00Z"));
        checkIns.record(clinic, patient, LocalDate.of(2026, 11, 29), c -> c.saddle());
        jdbc.sql("update flag set status = 'ACKNOWLEDGED', acknowledged_at = ? where patient_id = ?")
                .param(java.sql.Timestamp.from(clock.instant().plusSeconds(60))).param(patient).update();
        clock.setInstant(Instant.parse("2026-11-29T12:00:00Z"));
        escalation.escalateDue();
        long flag = jdbc.sql("select id from flag where patient_id = ?").param(patient).query(Long.class).single();
        assertThat(escalatedAt(flag)).isNull();
    }

    private void email(TestData.User user, String address) {
        jdbc.sql("update app_user set email = ? where id = ?").param(address).param(user.id()).update();
    }

    /** Both instances escalate at the same moment; how many flags they claimed together. */
    private Instant escalatedAt(long flag) {
        java.sql.Timestamp at = jdbc.sql("select escalated_at from flag where id = ?").param(flag)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1))).single().orElse(null);
        return at == null ? null : at.toInstant();
    }

    private int escalateAsBothInstances() throws Exception {
        try (HikariDataSource pool = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(SharedTestDatabase.jdbcUrl()).username("postgres").password("postgres").build()) {
            JdbcClient otherJdbc = JdbcClient.create(pool);
            TransactionTemplate otherTx = new TransactionTemplate(new DataSourceTransactionManager(pool));
            OutboxService otherOutbox = new OutboxService(otherJdbc, audit, new org.springframework.beans.factory.support
                    .StaticListableBeanFactory(java.util.Map.of("mail", GreenMailConfiguration.sender(greenMail)))
                    .getBeanProvider(org.springframework.mail.javamail.JavaMailSender.class), clock, "walkrx@test");
            FlagEscalation other = new FlagEscalation(otherJdbc, otherOutbox, audit, clock, otherTx);
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
                await(start);
                return escalation.round(); // as the scheduled run does it
            });
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
                await(start);
                return other.round();
            });
            return first.get() + second.get();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
