package com.walkrx.flag;

import com.walkrx.base.clinical.Tier;
import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.cluster.JobRounds;
import com.walkrx.outbox.OutboxService;
import java.sql.Timestamp;
import org.springframework.transaction.support.TransactionOperations;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation (issue 20): an URGENT flag nobody acknowledged within the clinic's threshold (15 minutes by default;
 * HIGH: 4 hours) e-mails the patient's care team and the clinic's admins, once. With several instances the flag is
 * claimed by a conditional {@code UPDATE ... WHERE escalated_at IS NULL ... RETURNING} in the same transaction that
 * writes the outbox rows; only the instance whose UPDATE returned the row writes them, and mails go out after the
 * commit ({@link OutboxService}). Each escalation is audited.
 */
@Component
class FlagEscalation {

    private static final Logger log = LoggerFactory.getLogger(FlagEscalation.class);

    private final TransactionOperations transactions;
    private final JdbcClient jdbc;
    private final OutboxService outbox;
    private final AuditService audit;
    private final Clock clock;

    FlagEscalation(JdbcClient jdbc, OutboxService outbox, AuditService audit, Clock clock,
                   TransactionOperations transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** A flag this round claimed. */
    record Claimed(long id, long clinicId, long patientId, String patientName, FlagCode code, Tier tier,
                   Instant raisedAt, String zone) {
    }

    @Scheduled(fixedDelayString = "${walkrx.flags.escalation-delay:60s}",
            initialDelayString = "${walkrx.flags.escalation-delay:60s}")
    void run() {
        JobRounds.run(log, this::round, "Escalated {} unacknowledged flags",
                "Flag escalation failed; the next round retries");
    }

    /**
     * One scheduled round: {@link #escalateDue()} in its own transaction, so that the claim, the outbox row and
     * the audit entry commit together (a call from {@link #run()} to this class's own method would pass Spring's
     * transaction proxy by, and the claim would commit without its e-mail).
     */
    int round() {
        Integer n = transactions.execute(s -> escalateDue());
        return n == null ? 0 : n;
    }

    /** Claims and escalates every due flag; how many this instance escalated. */
    @Transactional
    public int escalateDue() {
        Instant now = clock.instant();
        List<Claimed> claimed = jdbc.sql("""
                        update flag f set escalated_at = cast(:now as timestamptz)
                        from clinic c, patient p
                        where c.id = f.clinic_id and p.id = f.patient_id
                          and f.status = 'OPEN' and f.escalated_at is null
                          and ((f.tier = 'URGENT' and f.raised_at <= cast(:now as timestamptz) - make_interval(mins => c.urgent_escalation_minutes))
                            or (f.tier = 'HIGH' and f.raised_at <= cast(:now as timestamptz) - make_interval(mins => c.high_escalation_minutes)))
                        returning f.id, f.clinic_id, f.patient_id, p.given_name || ' ' || p.family_name as patient_name,
                                  f.code, f.tier, f.raised_at, c.time_zone""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getLong("clinic_id"), rs.getLong("patient_id"),
                        rs.getString("patient_name"), FlagCode.valueOf(rs.getString("code")),
                        Tier.valueOf(rs.getString("tier")), rs.getTimestamp("raised_at").toInstant(),
                        rs.getString("time_zone")))
                .list();
        for (Claimed flag : claimed) {
            List<String> to = recipients(flag);
            long minutes = java.time.Duration.between(flag.raisedAt(), now).toMinutes();
            String subject = "WalkRx: " + flag.tier() + " flag not acknowledged for " + minutes + " minutes - "
                    + flag.code().label();
            String body = """
                    An %s flag for one of your patients has not been acknowledged.

                    Patient: %s
                    Flag: %s (%s)
                    Raised: %s
                    What the patient was told: %s

                    Open WalkRx, acknowledge the flag and contact the patient: /patients/%d/flags
                    (This e-mail names no clinical details beyond the flag; sign in to see the evidence.)
                    """.formatted(flag.tier(), flag.patientName(), flag.code().label(), flag.code().name(),
                    java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                            .format(flag.raisedAt().atZone(ZoneId.of(flag.zone()))),
                    flag.tier().patientMessage(), flag.patientId());
            String reason = "escalation of flag " + flag.id();
            if (to.isEmpty()) {
                log.warn("Flag {} is due for escalation but nobody on its care team or among the admins has an"
                        + " e-mail address", flag.id());
            }
            long mail = outbox.enqueue(flag.clinicId(), flag.patientId(), to.isEmpty() ? List.of("(no e-mail address on file)") : to,
                    subject, body, reason);
            audit.recordSystem(flag.clinicId(), AuditAction.ESCALATED_FLAG, flag.patientId(),
                    "flag=" + flag.id() + " tier=" + flag.tier() + " outbox=" + mail + " to=" + String.join(",", to));
        }
        return claimed.size();
    }

    /** The e-mail addresses of the patient's care team (clinicians) and of the clinic's admins. */
    private List<String> recipients(Claimed flag) {
        return jdbc.sql("""
                        select distinct u.email from app_user u
                        where u.clinic_id = :clinic and u.enabled and u.email is not null and (
                              (u.role = 'ADMIN')
                           or (u.role = 'CLINICIAN' and exists (select 1 from care_team_member m
                                                               where m.patient_id = :patient and m.clinician_id = u.id)))
                        order by u.email""")
                .param("clinic", flag.clinicId()).param("patient", flag.patientId())
                .query(String.class).list();
    }
}
