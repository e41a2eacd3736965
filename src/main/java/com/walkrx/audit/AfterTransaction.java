package com.walkrx.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Audit entries that must be written once the caller's transaction has ended, on the thread that ran it: entries
 * of denied attempts (they stand whatever the transaction does) and entries of allowed actions whose transaction
 * rolled back (written again with the reason it was not done). Writing them then, on an auto-committed statement,
 * needs no second pooled connection while the transaction's is still held: a thread holding one connection and
 * waiting for another deadlocks with its neighbours as soon as as many of them arrive together as the pool has
 * connections.
 */
final class AfterTransaction {

    /** One entry; {@code rolledBack} entries get the reason their action was not done appended to the detail. */
    record Entry(Long clinicId, Long userId, String username, AuditAction action, Long patientId, boolean allowed,
                 String detail, String clientAddress, boolean rolledBack, List<Long> shown) {

        Entry(Long clinicId, Long userId, String username, AuditAction action, Long patientId, boolean allowed,
              String detail, String clientAddress) {
            this(clinicId, userId, username, action, patientId, allowed, detail, clientAddress, false, null);
        }

        /** The same read of several patients: one row each. */
        Entry showing(List<Long> patientIds) {
            return new Entry(clinicId, userId, username, action, null, allowed, detail, clientAddress, rolledBack,
                    List.copyOf(patientIds));
        }

        Entry notDone() {
            return new Entry(clinicId, userId, username, action, patientId, allowed, detail, clientAddress, true,
                    shown);
        }

        Entry withReason(String reason) {
            if (!rolledBack) {
                return this;
            }
            String outcome = "not done: " + (reason == null || reason.isBlank() ? "rolled back" : reason);
            String full = detail == null || detail.isBlank() ? outcome : detail + "; " + outcome;
            return new Entry(clinicId, userId, username, action, patientId, allowed, full, clientAddress, false, shown);
        }
    }

    /** At most this many entries wait on one thread (a thread that never ends a transaction cannot grow it). */
    private static final int MAX_PENDING = 1_000;
    private static final ThreadLocal<List<Entry>> PENDING = ThreadLocal.withInitial(ArrayList::new);

    private AfterTransaction() {
    }

    static void add(Entry entry) {
        List<Entry> pending = PENDING.get();
        if (pending.size() < MAX_PENDING) {
            pending.add(entry);
        }
    }

    static boolean isEmpty() {
        return PENDING.get().isEmpty();
    }

    /** Hands every waiting entry to {@code writer}, with {@code reason} for the rolled-back ones, and forgets them. */
    static void drain(String reason, Consumer<Entry> writer) {
        List<Entry> pending = PENDING.get();
        if (pending.isEmpty()) {
            return;
        }
        List<Entry> entries = List.copyOf(pending);
        pending.clear();
        for (Entry e : entries) {
            writer.accept(e.withReason(reason));
        }
    }
}
