package com.walkrx.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What to search the audit trail for; every part may be null (no restriction). {@code username}
 * matches any part of the name; {@code from} and {@code to} are whole days in the clinic's time zone.
 */
public record AuditFilter(String username, Long patientId, AuditAction action, LocalDate from, LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }

    /** The filter in words, for the audit entry the search itself leaves. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (username != null && !username.isBlank()) {
            parts.add("user~" + username.trim());
        }
        if (patientId != null) {
            parts.add("patient=" + patientId);
        }
        if (action != null) {
            parts.add("action=" + action);
        }
        if (from != null) {
            parts.add("from=" + from);
        }
        if (to != null) {
            parts.add("to=" + to);
        }
        return parts.isEmpty() ? "all" : String.join(", ", parts);
    }
}
