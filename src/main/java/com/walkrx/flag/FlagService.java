package com.walkrx.flag;

import com.walkrx.base.clinical.Tier;
import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.api.PageParams;
import com.walkrx.base.api.PageResponse;
import com.walkrx.base.security.Caller;
import com.walkrx.patient.PatientAccess;
import com.walkrx.patient.PatientAccess.Need;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The flag lifecycle for clinicians: open-flag inbox, a patient's flags, acknowledge and resolve. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FlagService {

    static final int MAX_NOTE = 2000;

    /**
     * The flags a clinician still has to act on (SQL over {@code flag f}): every OPEN flag, and URGENT and HIGH
     * flags until they are resolved (an acknowledgement does not take them out of triage: issue 20). The caseload,
     * the inbox counts and the navigation badge all use it.
     */
    public static final String NEEDS_ATTENTION_SQL =
            "(f.status = 'OPEN' or (f.status = 'ACKNOWLEDGED' and f.tier in ('URGENT', 'HIGH')))";

    private final FlagRepository flags;
    private final PatientAccess access;
    private final AuditService audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FlagReads reads;

    /**
     * Flags of the caller's patients with the given status (OPEN when null): URGENT first, then HIGH, then
     * ADVISORY, oldest first within a tier (resolved ones: most recently resolved first); one page.
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional(readOnly = true)
    public PageResponse<FlagView> list(Caller caller, FlagStatus status, int page, int size) {
        PageParams.check(page, size);
        FlagStatus wanted = status == null ? FlagStatus.OPEN : status;
        List<FlagView> shown = query(caller, wanted, (long) page * size, size);
        audit.recordShown(caller, AuditAction.VIEWED_FLAGS, patients(shown), "flag list status=" + wanted
                + ", page " + page);
        return new PageResponse<>(shown, page, size, count(caller, wanted));
    }

    /** As {@link #list}, by offset and limit (for lazy grids); each slice audited with the patients it showed. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional(readOnly = true)
    public List<FlagView> slice(Caller caller, FlagStatus status, int offset, int limit) {
        FlagStatus wanted = status == null ? FlagStatus.OPEN : status;
        List<FlagView> shown = query(caller, wanted, offset, Math.min(limit, PageParams.MAX_SIZE));
        audit.recordShown(caller, AuditAction.VIEWED_FLAGS, patients(shown), "flag inbox status=" + wanted
                + (offset == 0 ? "" : ", from row " + offset));
        return shown;
    }

    private static List<Long> patients(List<FlagView> flags) {
        return flags.stream().map(FlagView::patientId).toList();
    }

    private List<FlagView> query(Caller caller, FlagStatus status, long offset, int limit) {
        return reads.withEvidence(jdbc.sql("select " + FlagReads.COLUMNS
                        + " from flag f join patient p on p.id = f.patient_id"
                        + " where f.status = :status and " + PatientAccess.SCOPE_SQL
                        + " order by " + (status == FlagStatus.RESOLVED ? "f.resolved_at desc, f.id desc" : FlagReads.SEVERITY_ORDER)
                        + " offset :offset limit :limit")
                .params(PatientAccess.scopeParams(caller))
                .param("status", status.name())
                .param("offset", offset)
                .param("limit", limit)
                .query(FlagReads::row).list());
    }

    /** How many flags of the caller's patients have this status (for the navigation badge). */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional(readOnly = true)
    public long count(Caller caller, FlagStatus status) {
        return jdbc.sql("select count(*) from flag f join patient p on p.id = f.patient_id"
                        + " where f.status = :status and " + PatientAccess.SCOPE_SQL)
                .params(PatientAccess.scopeParams(caller))
                .param("status", status.name())
                .query(Long.class).single();
    }

    /** Flags that need attention ({@link #NEEDS_ATTENTION_SQL}) in triage order, by offset and limit (lazy grids). */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional(readOnly = true)
    public List<FlagView> attentionSlice(Caller caller, int offset, int limit) {
        List<FlagView> shown = reads.withEvidence(jdbc.sql("select " + FlagReads.COLUMNS
                        + " from flag f join patient p on p.id = f.patient_id"
                        + " where " + NEEDS_ATTENTION_SQL + " and " + PatientAccess.SCOPE_SQL
                        + " order by " + FlagReads.ATTENTION_ORDER + " offset :offset limit :limit")
                .params(PatientAccess.scopeParams(caller))
                .param("offset", (long) offset)
                .param("limit", Math.min(limit, PageParams.MAX_SIZE))
                .query(FlagReads::row).list());
        audit.recordShown(caller, AuditAction.VIEWED_FLAGS, patients(shown), "flag inbox, needs attention"
                + (offset == 0 ? "" : ", from row " + offset));
        return shown;
    }

    /** The caller's flags that need attention, by tier, and how many of them are acknowledged (inbox and badge). */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional(readOnly = true)
    public AttentionCounts attentionCounts(Caller caller) {
        return jdbc.sql("select count(*) filter (where f.tier = 'URGENT') as urgent,"
                        + " count(*) filter (where f.tier = 'HIGH') as high,"
                        + " count(*) filter (where f.tier = 'ADVISORY') as advisory,"
                        + " count(*) filter (where f.status = 'ACKNOWLEDGED') as acknowledged"
                        + " from flag f join patient p on p.id = f.patient_id"
                        + " where " + NEEDS_ATTENTION_SQL + " and " + PatientAccess.SCOPE_SQL)
                .params(PatientAccess.scopeParams(caller))
                .query((rs, n) -> new AttentionCounts(rs.getLong("urgent"), rs.getLong("high"),
                        rs.getLong("advisory"), rs.getLong("acknowledged")))
                .single();
    }

    /** Open flag counts of the caller's patients by tier. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional(readOnly = true)
    public Map<Tier, Long> openCountsByTier(Caller caller) {
        Map<Tier, Long> counts = new EnumMap<>(Tier.class);
        for (Tier t : Tier.values()) {
            counts.put(t, 0L);
        }
        jdbc.sql("select f.tier, count(*) as n from flag f join patient p on p.id = f.patient_id"
                        + " where f.status = 'OPEN' and " + PatientAccess.SCOPE_SQL + " group by f.tier")
                .params(PatientAccess.scopeParams(caller))
                .query((ResultSet rs) -> {
                    counts.put(Tier.valueOf(rs.getString("tier")), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * A patient's flags, those with the given status or all when null, unresolved first and then newest first;
     * one page. Not found outside the caller's care team.
     */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    @Transactional(readOnly = true)
    public PageResponse<FlagView> ofPatient(Caller caller, long patientId, FlagStatus status, int page, int size) {
        PageParams.check(page, size);
        access.require(caller, patientId, Need.READ, AuditAction.VIEWED_FLAGS);
        String where = " from flag f join patient p on p.id = f.patient_id where f.patient_id = :patientId"
                + (status == null ? "" : " and f.status = :status");
        var query = jdbc.sql("select " + FlagReads.COLUMNS + where
                        + " order by case when f.status = 'RESOLVED' then 1 else 0 end, f.raised_at desc, f.id desc"
                        + " offset :offset limit :limit")
                .param("patientId", patientId)
                .param("offset", (long) page * size)
                .param("limit", size);
        var count = jdbc.sql("select count(*)" + where).param("patientId", patientId);
        if (status != null) {
            query = query.param("status", status.name());
            count = count.param("status", status.name());
        }
        return new PageResponse<>(reads.withEvidence(query.query(FlagReads::row).list()), page, size,
                count.query(Long.class).single());
    }

    /** One flag; not found when it does not exist or its patient is outside the caller's care team. */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    @Transactional(readOnly = true)
    public FlagView get(Caller caller, long flagId) {
        Flag flag = find(caller, flagId, AuditAction.VIEWED_FLAGS);
        requireFlagAccess(caller, flag, Need.READ, AuditAction.VIEWED_FLAGS);
        return reads.view(flagId);
    }

    /** Acknowledges an OPEN flag with an optional note; any other status is a conflict (409). */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public FlagView acknowledge(Caller caller, long flagId, String note) {
        String cleanNote = note(note);
        Flag flag = find(caller, flagId, AuditAction.ACKNOWLEDGED_FLAG);
        requireFlagAccess(caller, flag, Need.CARE, AuditAction.ACKNOWLEDGED_FLAG);
        flag.acknowledge(caller.userId(), caller.displayName(), cleanNote, clock.instant());
        flags.saveAndFlush(flag);
        events.publishEvent(new FlagsChanged(flag.getClinicId(), flag.getPatientId()));
        return reads.view(flagId);
    }

    /**
     * Resolves an OPEN or ACKNOWLEDGED flag with an outcome, what was done and a note; an OPEN flag is
     * acknowledged in the same step. For URGENT and HIGH flags the action and a non-empty note are required (400
     * naming {@code action} and {@code note}); for ADVISORY both are optional. A resolved flag is a conflict (409).
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public FlagView resolve(Caller caller, long flagId, Outcome outcome, FlagAction action, String note) {
        if (outcome == null) {
            throw new InvalidInputException("outcome", "is required: one of REFERRED, SEEN_BY_DOCTOR, "
                    + "NO_ACTION_NEEDED, OTHER");
        }
        String cleanNote = note(note);
        Flag flag = find(caller, flagId, AuditAction.RESOLVED_FLAG);
        requireFlagAccess(caller, flag, Need.CARE, AuditAction.RESOLVED_FLAG);
        if (flag.needsDocumentedAction() && flag.getStatus() != FlagStatus.RESOLVED) {
            List<FieldProblem> problems = new ArrayList<>();
            if (action == null) {
                problems.add(new FieldProblem("action", "is required for an " + flag.getTier()
                        + " flag: what was done (one of " + java.util.Arrays.toString(FlagAction.values()) + ")"));
            }
            if (cleanNote == null) {
                problems.add(new FieldProblem("note", "is required for an " + flag.getTier() + " flag"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
        flag.resolve(caller.userId(), caller.displayName(), outcome, action, cleanNote, clock.instant());
        flags.saveAndFlush(flag);
        events.publishEvent(new FlagsChanged(flag.getClinicId(), flag.getPatientId()));
        return reads.view(flagId);
    }

    /** Records that a pushed alert showed the clinician a patient's flag (the push is a read of patient data). */
    @PreAuthorize("hasRole('CLINICIAN')")
    public void alertShown(Caller caller, FlagRaised alert) {
        audit.recordShown(caller, AuditAction.VIEWED_FLAGS, List.of(alert.patientId()),
                "pushed alert: " + alert.code().label());
    }

    /** The time zone in which flag times are shown. */
    public ZoneId zone() {
        return clock.getZone();
    }

    /** The flag, or not found, audited as denied (an id that does not exist leaves a trace like one out of reach). */
    private Flag find(Caller caller, long flagId, AuditAction attempted) {
        return flags.findById(flagId).orElseGet(() -> {
            audit.recordMiss(caller, attempted, "flag " + flagId + " does not exist");
            throw new NotFoundException("Flag");
        });
    }

    private void requireFlagAccess(Caller caller, Flag flag, Need need, AuditAction action) {
        try {
            access.require(caller, flag.getPatientId(), need, action);
        } catch (NotFoundException e) {
            throw new NotFoundException("Flag"); // never tell "no such flag" from "not your patient"
        }
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > MAX_NOTE) {
            throw new InvalidInputException(List.of(new FieldProblem("note", "must be at most " + MAX_NOTE
                    + " characters")));
        }
        return note.strip();
    }
}
