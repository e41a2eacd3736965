package com.walkrx.audit;

import java.time.Instant;

/** One row of the audit trail as the admin's search shows it. */
public record AuditEntry(long id, Instant at, String username, String clientAddress, String action, Long patientId,
                         boolean allowed, String detail) {
}
