package com.walkrx.outbox;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.security.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Writes e-mails to the outbox in the caller's transaction and sends them after it commits (see package-info). */
@Service
public class OutboxService {

    private static final Logger log = LoggerFactory.getLogger(OutboxService.class);
    /** A claim older than this (an instance that died while sending) may be taken over. */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 10;

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;
    private final String from;

    /** Public for tests that build a second instance on its own connection pool. */
    public OutboxService(JdbcClient jdbc, AuditService audit, ObjectProvider<JavaMailSender> mailSender, Clock clock,
                  @org.springframework.beans.factory.annotation.Value("${walkrx.mail.from:walkrx@localhost}")
                  String from) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.mailSender = mailSender;
        this.clock = clock;
        this.from = from;
    }

    /** Whether a mail server is configured; without one mails stay in the outbox for the admins to read. */
    public boolean sending() {
        return mailSender.getIfAvailable() != null;
    }

    /**
     * Writes one e-mail to the outbox in the current transaction (mandatory: the mail exists exactly when what
     * caused it commits) and sends it after the commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(long clinicId, Long patientId, List<String> recipients, String subject, String body,
                        String reason) {
        long id = jdbc.sql("""
                        insert into outbox_mail (id, clinic_id, patient_id, recipients, subject, body, reason, created_at)
                        values (nextval('outbox_mail_seq'), :clinic, :patient, :to, :subject, :body, :reason, :at)
                        returning id""")
                .param("clinic", clinicId).param("patient", patientId).param("to", String.join(",", recipients))
                .param("subject", subject)
                .param("body", body).param("reason", reason).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                send(id);
            }
        });
        return id;
    }

    /** Retries what is unsent (a failed server, a crashed instance) once a minute. */
    @Scheduled(fixedDelayString = "${walkrx.mail.retry-delay:60s}", initialDelayString = "${walkrx.mail.retry-delay:60s}")
    void sendPending() {
        if (!sending()) {
            return;
        }
        jdbc.sql("select id from outbox_mail where sent_at is null and attempts < :max order by created_at limit 50")
                .param("max", MAX_ATTEMPTS).query(Long.class).list().forEach(this::send);
    }

    /** Claims the row (one instance wins) and sends it; a failure is recorded and retried later. */
    void send(long id) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        Instant now = clock.instant();
        var claimed = jdbc.sql("""
                        update outbox_mail set claimed_at = :now, attempts = attempts + 1
                        where id = :id and sent_at is null and (claimed_at is null or claimed_at < :stale)
                        returning recipients, subject, body""")
                .param("id", id).param("now", Timestamp.from(now))
                .param("stale", Timestamp.from(now.minus(CLAIM_TIMEOUT)))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .optional();
        if (claimed.isEmpty()) {
            return; // sent already, or another instance is sending it
        }
        String[] mail = claimed.get();
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(Arrays.stream(mail[0].split(",")).filter(s -> !s.isBlank()).toArray(String[]::new));
            message.setSubject(mail[1]);
            message.setText(mail[2]);
            sender.send(message);
            jdbc.sql("update outbox_mail set sent_at = :now, last_error = null where id = :id")
                    .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        } catch (RuntimeException e) {
            log.warn("Could not send outbox mail {}: {}", id, e.toString());
            jdbc.sql("update outbox_mail set claimed_at = null, last_error = :error where id = :id")
                    .param("error", String.valueOf(e.getMessage())).param("id", id).update();
        }
    }

    /**
     * One page of the clinic's outbox, newest first (ADMIN). The read is audited with the patients the e-mails on
     * the page are about.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<OutboxMail> list(Caller caller, int offset, int limit) {
        List<OutboxMail> page = jdbc.sql("""
                        select id, patient_id, recipients, subject, body, reason, created_at, sent_at, attempts,
                               last_error
                        from outbox_mail where clinic_id = :clinic order by created_at desc, id desc
                        offset :offset limit :limit""")
                .param("clinic", caller.clinicId()).param("offset", Math.max(0, offset))
                .param("limit", Math.max(0, Math.min(limit, 200)))
                .query((rs, n) -> new OutboxMail(rs.getLong("id"), (Long) rs.getObject("patient_id"),
                        List.of(rs.getString("recipients").split(",")), rs.getString("subject"),
                        rs.getString("body"), rs.getString("reason"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
                        rs.getInt("attempts"), rs.getString("last_error")))
                .list();
        audit.recordShown(caller, AuditAction.VIEWED_OUTBOX,
                page.stream().map(OutboxMail::patientId).filter(java.util.Objects::nonNull).distinct().toList(),
                "outbox from " + offset + ": " + page.size() + " e-mails");
        return page;
    }
}
