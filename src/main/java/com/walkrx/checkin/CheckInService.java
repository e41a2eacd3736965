package com.walkrx.checkin;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.api.PageParams;
import com.walkrx.base.api.PageResponse;
import com.walkrx.base.security.Caller;
import com.walkrx.patient.PatientAccess;
import com.walkrx.patient.PatientAccess.Need;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Patients' check-ins: recording them exactly once, and reading them within the care relationship. */
@Service
public class CheckInService {

    private static final int STRIPES = 64;

    private final CheckInStore store;
    private final PatientAccess access;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditService audit;
    // Check-ins of one patient queue here, not on pooled connections held while waiting for the database lock.
    private final ReentrantLock[] keyLocks = new ReentrantLock[STRIPES];

    CheckInService(CheckInStore store, PatientAccess access, JdbcClient jdbc, Clock clock, AuditService audit) {
        this.audit = audit;
        this.store = store;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            keyLocks[i] = new ReentrantLock();
        }
    }

    /** The clinic's today: the latest date a check-in may carry (the earliest is seven days before). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The clinic's time zone, in which dates and times of check-ins are shown. */
    public ZoneId zone() {
        return clock.getZone();
    }

    /**
     * Records the calling patient's check-in, with the flags it raises and its audit entry, in one transaction. A
     * repeated {@code idempotencyKey} (may be null) of the same patient returns the first reply and stores nothing.
     * A caller who is not the patient gets not found, and a refused or failed attempt is audited on its own.
     */
    @PreAuthorize("hasRole('PATIENT')")
    public CheckInReply record(Caller caller, CheckInCommand command, String idempotencyKey) {
        Objects.requireNonNull(command, "command");
        if (caller.patientId() == null) {
            throw new NotFoundException("Patient");
        }
        long patientId = caller.patientId();
        String key = normaliseKey(idempotencyKey);
        CheckInStore.Stored stored;
        // Requests of one patient queue here, not on a pooled connection held while waiting for the database lock.
        ReentrantLock lock = keyLocks[Math.floorMod(Long.hashCode(patientId), STRIPES)];
        lock.lock();
        try {
            stored = store.store(caller, command, key);
        } catch (RuntimeException e) {
            // Rolled back, audit entry included: the attempt is audited on its own (a caller out of reach as denied,
            // answered not found, as before anything else).
            access.require(caller, patientId, Need.SELF, AuditAction.RECORDED_CHECK_IN, "not stored: " + reason(e));
            throw e;
        } finally {
            lock.unlock();
        }
        if (!stored.allowed()) {
            // Audits the refusal and answers not found (as it does for any other record out of reach).
            access.require(caller, patientId, Need.SELF, AuditAction.RECORDED_CHECK_IN);
            throw new NotFoundException("Patient");
        }
        return stored.reply();
    }

    private static String reason(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.getMessage() == null ? "invalid input" : invalid.getMessage();
        }
        return e.getClass().getSimpleName();
    }

    /** The calling patient's own check-ins, newest first, one page at a time. */
    @PreAuthorize("hasRole('PATIENT')")
    public PageResponse<CheckInRecord> mine(Caller caller, int page, int size) {
        PageParams.check(page, size);
        if (caller.patientId() == null) {
            throw new NotFoundException("Patient");
        }
        return page(caller, caller.patientId(), Need.SELF, null, null, page, size);
    }

    /**
     * A patient's check-ins between {@code from} and {@code to} (inclusive, each may be null), newest first,
     * for the care team, the clinic's admins and the patient; anyone else gets not found.
     */
    public PageResponse<CheckInRecord> forPatient(Caller caller, long patientId, LocalDate from, LocalDate to,
                                                  int page, int size) {
        PageParams.check(page, size);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInputException("to", "must be on or after from");
        }
        return page(caller, patientId, Need.READ, from, to, page, size);
    }

    /** One check-in, for whoever may read its patient's record; otherwise not found. */
    public CheckInRecord get(Caller caller, long checkInId) {
        Long patientId = jdbc.sql("select patient_id from check_in where id = :id and clinic_id = :clinic")
                .param("id", checkInId)
                .param("clinic", caller.clinicId())
                .query(Long.class).optional().orElseGet(() -> {
                    // No such check-in in the caller's clinic: denied like one out of reach (an id scan leaves a trace).
                    audit.recordMiss(caller, AuditAction.VIEWED_CHECK_INS, "check-in " + checkInId
                            + " does not exist in the clinic");
                    throw new NotFoundException("Check-in");
                });
        access.require(caller, patientId, Need.READ, AuditAction.VIEWED_CHECK_INS);
        List<CheckInRecord> found = withWalks(jdbc.sql("select " + CheckInRows.COLUMNS + " from check_in c where c.id = :id")
                .param("id", checkInId)
                .query(CheckInRows::row).list());
        return found.getFirst();
    }

    /**
     * A page of the patient's check-ins with the care relationship checked in the same statement. Rows prove
     * the caller may read them (audited as allowed); no rows sends the question to {@link PatientAccess#require},
     * which tells an empty record (audited) from one out of reach (audited as denied, not found).
     */
    private PageResponse<CheckInRecord> page(Caller caller, long patientId, Need need, LocalDate from, LocalDate to,
                                             int page, int size) {
        StringBuilder where = new StringBuilder(" where c.clinic_id = :clinic and c.patient_id = :patient");
        Map<String, Object> params = new HashMap<>(PatientAccess.scopeParams(caller));
        params.put("clinic", caller.clinicId());
        params.put("patient", patientId);
        if (from != null) {
            where.append(" and c.date >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and c.date <= :to");
            params.put("to", to);
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return pageInOneStatement(caller, patientId, need, where.toString(), params, page, size);
        }
        // One statement for the page and the total (a window count); only a page past the end counts apart.
        // The care relationship is checked on :patient, not on each row's c.patient_id: uncorrelated, PostgreSQL
        // runs it once (an InitPlan) even in the generic plan a server-prepared statement switches to.
        long[] total = {0};
        List<CheckInRecord> rows = jdbc.sql("select " + CheckInRows.COLUMNS + ", count(*) over () as total from check_in c" + where
                        + " and exists (select 1 from patient p where p.id = :patient and " + PatientAccess.scopeSql(caller)
                        + ") order by c.date desc, c.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return CheckInRows.row(rs, n);
                }).list();
        if (rows.isEmpty()) {
            access.require(caller, patientId, need, AuditAction.VIEWED_CHECK_INS);
            if (page > 0) {
                total[0] = jdbc.sql("select count(*) from check_in c" + where).params(params).query(Long.class).single();
            }
        } else {
            access.granted(caller, patientId, AuditAction.VIEWED_CHECK_INS);
        }
        return new PageResponse<>(withWalks(rows), page, size, total[0]);
    }

    /**
     * The page outside a transaction (the API's case): one round trip and one commit for the page, the total,
     * the care relationship, the walks and the read's audit entry (a data-modifying CTE, written when the page
     * has rows, so it is durable before the reply as it was on its own statement). An empty page writes
     * nothing there and goes to {@link PatientAccess#require}, as in {@link #page}.
     */
    private PageResponse<CheckInRecord> pageInOneStatement(Caller caller, long patientId, Need need, String where,
                                                           Map<String, Object> params, int page, int size) {
        AuditService.Cte audited = audit.allowedAccessCte("audited", caller, AuditAction.VIEWED_CHECK_INS, patientId,
                "exists (select 1 from page)", "null");
        Map<String, Object> all = new HashMap<>(params);
        all.putAll(audited.params());
        all.put("limit", size);
        all.put("offset", (long) page * size);
        long[] total = {0};
        Map<Long, CheckInRecord> rows = new LinkedHashMap<>();
        Map<Long, List<WalkEntry>> walks = new HashMap<>();
        jdbc.sql("with page as (select " + CheckInRows.COLUMNS + ", count(*) over () as total from check_in c" + where
                        + " and exists (select 1 from patient p where p.id = :patient and " + PatientAccess.scopeSql(caller)
                        + ") order by c.date desc, c.id desc limit :limit offset :offset),\n" + audited.sql() + """

                        select pg.*, w.position as walk_position, w.minutes as walk_minutes, w.surface as walk_surface,
                               w.pain_before as walk_pain_before, w.pain_after as walk_pain_after,
                               w.sharp_pain as walk_sharp_pain, w.steps as walk_steps
                        from page pg left join walk w on w.check_in_id = pg.id
                        order by pg.date desc, pg.id desc, w.position
                        """)
                .params(all)
                .query(rs -> {
                    long id = rs.getLong("id");
                    if (!rows.containsKey(id)) {
                        total[0] = rs.getLong("total");
                        rows.put(id, CheckInRows.row(rs, rows.size()));
                    }
                    if (rs.getObject("walk_minutes") != null) {
                        walks.computeIfAbsent(id, k -> new ArrayList<>()).add(CheckInRows.walk(rs));
                    }
                });
        if (rows.isEmpty()) {
            access.require(caller, patientId, need, AuditAction.VIEWED_CHECK_INS);
            if (page > 0) {
                total[0] = jdbc.sql("select count(*) from check_in c" + where).params(params).query(Long.class).single();
            }
            return new PageResponse<>(List.of(), page, size, total[0]);
        }
        List<CheckInRecord> withWalks = rows.values().stream().map(r -> new CheckInRecord(r.id(), r.patientId(),
                r.date(), r.recordedAt(), r.overallPain(), r.steps(), walks.getOrDefault(r.id(), List.of()),
                r.symptoms(), r.notes())).toList();
        return new PageResponse<>(withWalks, page, size, total[0]);
    }

    /**
     * Adds the walks of all the given check-ins with one query. The ids go as one array parameter
     * ({@code = any}): an {@code in} list of as many parameters as rows is a new statement, planned anew, for
     * every page size.
     */
    private List<CheckInRecord> withWalks(List<CheckInRecord> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<WalkEntry>> walks = new LinkedHashMap<>();
        jdbc.sql("""
                        select check_in_id, minutes as walk_minutes, surface as walk_surface,
                               pain_before as walk_pain_before, pain_after as walk_pain_after,
                               sharp_pain as walk_sharp_pain, steps as walk_steps
                        from walk where check_in_id = any(cast(:ids as bigint[])) order by check_in_id, position
                        """)
                .param("ids", CheckInRows.idArray(rows.stream().map(CheckInRecord::id).toList()))
                .query(rs -> {
                    walks.computeIfAbsent(rs.getLong("check_in_id"), k -> new ArrayList<>()).add(CheckInRows.walk(rs));
                });
        return rows.stream().map(r -> new CheckInRecord(r.id(), r.patientId(), r.date(), r.recordedAt(),
                r.overallPain(), r.steps(), walks.getOrDefault(r.id(), List.of()), r.symptoms(), r.notes())).toList();
    }

    private static String normaliseKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > CheckInRules.MAX_IDEMPOTENCY_KEY) {
            throw new InvalidInputException("Idempotency-Key",
                    "must be at most " + CheckInRules.MAX_IDEMPOTENCY_KEY + " characters");
        }
        return key;
    }
}
