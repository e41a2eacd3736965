package com.walkrx.audit;

import com.walkrx.base.security.Caller;
import com.walkrx.base.security.ClientAddress;
import com.walkrx.base.time.ClinicZones;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The append-only audit trail. Outside a transaction an entry is a single auto-committed INSERT. Inside one, an
 * allowed action's entry is one INSERT in that transaction (it commits with what it records; rolled back, it is
 * written again after the transaction with the reason the action was not done), and a denial is written once the
 * transaction has ended, so it stands whatever the transaction does. No entry ever needs a second pooled connection
 * while the caller's is held ({@link AfterTransaction}).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuditService {

    private static final int MAX_DETAIL = 500;
    private static final String DENIAL_RECORDED = com.walkrx.base.security.AccessRefused.RECORDED_ATTRIBUTE;

    private final JdbcClient jdbc;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditService.class);
    private final Clock clock;
    private final ClinicZones zones;

    /** Records what a logged-in caller did or tried, about which patient (may be null). */
    public void record(Caller caller, AuditAction action, Long patientId, boolean allowed, String detail) {
        if (!allowed) {
            markDenialRecorded();
        }
        write(new AfterTransaction.Entry(caller.clinicId(), caller.userId(), caller.username(), action, patientId,
                allowed, detail, ClientAddress.current()));
    }

    /**
     * Records a read that showed the caller these patients (a list page, an inbox, a pushed update, an export):
     * one row per patient, with {@code detail} (what was read, with its filter), in one INSERT. A read that showed
     * nobody is one row without a patient, so the read itself is on the trail.
     */
    public void recordShown(Caller caller, AuditAction action, Collection<Long> patientIds, String detail) {
        List<Long> ids = patientIds.stream().distinct().toList();
        String full = (detail == null ? "" : detail + "; ") + ids.size() + (ids.size() == 1 ? " patient" : " patients")
                + " shown";
        AfterTransaction.Entry entry = new AfterTransaction.Entry(caller.clinicId(), caller.userId(),
                caller.username(), action, null, true, full, ClientAddress.current());
        write(ids.isEmpty() ? entry : entry.showing(ids));
    }

    /**
     * Records an attempt on a record that does not exist or is out of the caller's reach, which the caller is told
     * is not found (ACCESS_DENIED: an id scan leaves a trace). Out-of-reach patients are recorded with their id by
     * the patient module's access check.
     */
    public void recordMiss(Caller caller, AuditAction attempted, String what) {
        record(caller, AuditAction.ACCESS_DENIED, null, false, attempted.name() + ": " + what);
    }

    private static void markDenialRecorded() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(DENIAL_RECORDED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /**
     * A data-modifying CTE {@code <name> as (insert ...)} for a statement that proves the caller's access to the
     * patient itself and acts in the same round trip: it records {@code action} as allowed when {@code condition}
     * (SQL over the statement's other CTEs) holds, with {@code detailSql} (SQL, may be {@code "null"}) as its
     * detail. The entry then commits or rolls back with the statement's transaction, atomic with what it records.
     * Bind {@link Cte#params()} with the statement's own.
     */
    public Cte allowedAccessCte(String name, Caller caller, AuditAction action, long patientId, String condition,
                                String detailSql) {
        String sql = name + " as (" + """

                    insert into audit_event (clinic_id, user_id, username, client_address, action, patient_id, allowed, detail)
                    select :auditClinic, :auditUser, :auditUsername, :auditAddress, :auditAction, :auditPatient, true, %s
                    where %s
                    returning id)""".formatted(detailSql, condition);
        Map<String, Object> params = cteParams(caller, action);
        params.put("auditPatient", patientId);
        return new Cte(sql, params);
    }

    /**
     * A data-modifying CTE {@code <name> as (insert ...)} recording a read that showed the caller the patients of
     * {@code shownSql} (SQL over the statement's other CTEs returning {@code id, n}: each shown patient and its
     * place in the read), in the same statement as the read: one row per patient in that order, or, when it showed
     * nobody, one row without a patient, each with {@code detail} and the count, exactly as {@link #recordShown}
     * writes them. Outside a transaction the entry commits with the read's own auto-committed statement, durable
     * before the reply, with no round trip of its own. Bind {@link Cte#params()} with the statement's own.
     */
    public Cte shownCte(String name, Caller caller, AuditAction action, String shownSql, String detail) {
        String shown = "(select distinct on (s.id) s.id, s.n from (" + shownSql + ") s order by s.id, s.n)";
        String sql = name + " as (" + """

                    insert into audit_event (clinic_id, user_id, username, client_address, action, patient_id, allowed, detail)
                    select :auditClinic, :auditUser, :auditUsername, :auditAddress, :auditAction, a.id, true,
                           left(:auditDetail || a.total || case when a.total = 1 then ' patient' else ' patients' end
                                || ' shown', %2$d)
                    from (select sh.id, sh.n, count(*) over () as total from %1$s sh
                          union all
                          select null, 0, 0 where not exists (select 1 from %1$s e)
                          order by 2) a
                    returning id)""".formatted(shown, MAX_DETAIL);
        Map<String, Object> params = cteParams(caller, action);
        params.put("auditDetail", new SqlParameterValue(Types.VARCHAR, detail == null ? "" : detail + "; "));
        return new Cte(sql, params);
    }

    /** Who did what, from where: the parameters every audit CTE binds. */
    private static Map<String, Object> cteParams(Caller caller, AuditAction action) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("auditClinic", caller.clinicId());
        params.put("auditUser", caller.userId());
        params.put("auditUsername", new SqlParameterValue(Types.VARCHAR, caller.username()));
        params.put("auditAddress", new SqlParameterValue(Types.VARCHAR, ClientAddress.current()));
        params.put("auditAction", action.name());
        return params;
    }

    /** SQL of a common table expression and the parameters it binds. */
    public record Cte(String sql, Map<String, Object> params) {
    }

    /** Records what the system itself did about a patient (no user acted), e.g. escalating a flag. */
    public void recordSystem(long clinicId, AuditAction action, Long patientId, String detail) {
        write(new AfterTransaction.Entry(clinicId, null, "system", action, patientId, true, detail, null));
    }

    /** Records an event whose actor is known only by name, such as a failed login. */
    public void recordAnonymous(Long clinicId, Long userId, String username, AuditAction action, boolean allowed,
                                String detail, String clientAddress) {
        write(new AfterTransaction.Entry(clinicId, userId, username, action, null, allowed, detail, clientAddress));
    }

    /**
     * One page of the caller's clinic's audit trail, newest first, filtered. Opening the first page
     * of a search is itself audited (VIEWED_AUDIT), with the filter.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> search(Caller caller, AuditFilter filter, int offset, int limit) {
        if (offset == 0) {
            record(caller, AuditAction.VIEWED_AUDIT, null, true, filter.describe());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = AuditFilterSql.where(caller.clinicId(), filter, zone(caller), params);
        return jdbc.sql("select id, at, username, client_address, action, patient_id, allowed, detail from audit_event "
                        + where + " order by at desc, id desc offset :offset limit :limit")
                .params(params)
                .param("offset", Math.max(0, offset))
                .param("limit", Math.max(0, Math.min(limit, 500)))
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("username"), rs.getString("client_address"), rs.getString("action"),
                        (Long) rs.getObject("patient_id"), rs.getBoolean("allowed"), rs.getString("detail")))
                .list();
    }

    /** How many entries {@link #search} would return in all. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long count(Caller caller, AuditFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select count(*) from audit_event " + AuditFilterSql.where(caller.clinicId(), filter, zone(caller), params))
                .params(params).query(Long.class).single();
    }

    /** The caller's clinic's time zone ({@code clinic.time_zone}), in which the search's dates and its times are meant. */
    public ZoneId zone(Caller caller) {
        return zones.zone(caller.clinicId());
    }

    /** Today in the caller's clinic's time zone. */
    public LocalDate today(Caller caller) {
        return zones.today(caller.clinicId(), clock);
    }

    private void write(AfterTransaction.Entry entry) {
        boolean allowed = entry.allowed();
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            writeWaiting(null);
            insert(entry); // one statement in auto-commit: no transaction to begin, suspend or end
        } else if (!allowed || !TransactionSynchronizationManager.isSynchronizationActive()) {
            // A denial stands whatever the transaction does: written once it has ended, on its own statement.
            AfterTransaction.add(entry);
        } else if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // A read-only transaction cannot insert: the read's entry follows it, with the outcome of the read.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    AfterTransaction.add(status == STATUS_COMMITTED ? entry : entry.notDone());
                }
            });
        } else {
            // One INSERT in the caller's transaction: it commits with what it records. Rolled back, the action
            // was not done, and the entry is written again afterwards with the reason.
            insert(entry);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        AfterTransaction.add(entry.notDone());
                    }
                }
            });
        }
    }

    /**
     * Writes the entries that waited for the thread's transaction to end (denials, and allowed actions rolled back,
     * with {@code reason}); called outside any transaction.
     */
    void writeWaiting(String reason) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        AfterTransaction.drain(reason, this::insertQuietly);
    }

    private void insertQuietly(AfterTransaction.Entry entry) {
        try {
            insert(entry);
        } catch (RuntimeException e) {
            log.error("Audit entry {} for patient {} could not be written", entry.action(), entry.patientId(), e);
        }
    }

    private void insert(AfterTransaction.Entry e) {
        String detail = e.detail() != null && e.detail().length() > MAX_DETAIL
                ? e.detail().substring(0, MAX_DETAIL) : e.detail();
        boolean many = e.shown() != null;
        jdbc.sql("insert into audit_event (clinic_id, user_id, username, client_address, action, patient_id, allowed, "
                        + "detail) select :clinic, :user, :username, :address, :action, "
                        + (many ? "shown.id" : ":patient") + ", :allowed, :detail"
                        + (many ? " from unnest(cast(string_to_array(:shown, ',') as bigint[])) with ordinality"
                                + " as shown(id, n) order by shown.n" : ""))
                .param("clinic", e.clinicId())
                .param("user", e.userId())
                .param("username", e.username())
                .param("address", e.clientAddress())
                .param("action", e.action().name())
                .param("patient", e.patientId())
                .param("allowed", e.allowed())
                .param("detail", detail)
                .param("shown", many ? e.shown().stream().map(String::valueOf).collect(Collectors.joining(",")) : "")
                .update();
    }

    /** Why an action was not done, as the audit trail says it: the message a caller was given, or the error. */
    static String reason(Throwable failure) {
        String message = failure.getMessage();
        boolean told = failure instanceof com.walkrx.base.api.CodedException
                || failure instanceof com.walkrx.base.api.InvalidInputException
                || failure instanceof com.walkrx.base.api.NotFoundException;
        if (told && message != null && !message.isBlank()) {
            return message;
        }
        return failure.getClass().getSimpleName();
    }
}
