package com.walkrx.outbox;

import java.time.Instant;
import java.util.List;

/** One e-mail in the outbox, as the admin's Outbox page shows it. */
public record OutboxMail(long id, Long patientId, List<String> recipients, String subject, String body, String reason,
                         Instant createdAt, Instant sentAt, int attempts, String lastError) {
}
