package com.walkrx.patient;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Caller;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The care relationship, checked in the database: every service method that takes a patient id
 * calls {@link #require} first. A patient outside the caller's reach is "not found", and every
 * attempt, allowed or denied, is written to the audit trail.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PatientAccess {

    /** What the caller wants to do with the record. */
    public enum Need {
        /** Admins of the clinic, clinicians on the care team, the patient themselves. */
        READ,
        /** Clinicians on the care team only. */
        CARE,
        /** The patient themselves only. */
        SELF,
        /** Admins of the patient's clinic only (care teams). */
        MANAGE
    }

    /**
     * The scoping predicate for queries over patients aliased {@code p}; bind it with {@link #scopeParams}.
     * Admins see their clinic, clinicians their care teams, patients themselves.
     */
    public static final String SCOPE_SQL = """
            p.clinic_id = :scopeClinicId and (
                (:scopeRole = 'ADMIN')
             or (:scopeRole = 'PATIENT' and p.user_id = :scopeUserId)
             or (:scopeRole = 'CLINICIAN' and exists (
                    select 1 from care_team_member scope_m
                    where scope_m.patient_id = p.id and scope_m.clinician_id = :scopeUserId)))
            """;

    /**
     * {@link #SCOPE_SQL} for one caller's role, without the branches of the other roles (same parameters,
     * bound with {@link #scopeParams}). For heavy queries: PostgreSQL's generic plan for a statement that
     * keeps every role's branch cannot tell which one applies, and for the caseload page it was six times
     * slower than this form's (bench/README.md).
     */
    public static String scopeSql(Caller caller) {
        return switch (caller.role()) {
            case ADMIN -> "p.clinic_id = :scopeClinicId";
            case PATIENT -> "p.clinic_id = :scopeClinicId and p.user_id = :scopeUserId";
            case CLINICIAN -> """
                    p.clinic_id = :scopeClinicId and exists (
                        select 1 from care_team_member scope_m
                        where scope_m.patient_id = p.id and scope_m.clinician_id = :scopeUserId)
                    """;
        };
    }

    private final JdbcClient jdbc;
    private final AuditService audit;

    /** The named parameters of {@link #SCOPE_SQL} for this caller. */
    public static Map<String, Object> scopeParams(Caller caller) {
        return Map.of("scopeClinicId", caller.clinicId(), "scopeRole", caller.role().name(),
                "scopeUserId", caller.userId());
    }

    /**
     * Checks that the caller may do {@code need} with the patient, audits the access as {@code action},
     * and throws {@link NotFoundException} (audited as denied) when not.
     */
    public void require(Caller caller, long patientId, Need need, AuditAction action) {
        require(caller, patientId, need, action, (String) null);
    }

    /** As {@link #require(Caller, long, Need, AuditAction)}, with a detail for the audit entry (e.g. what changed). */
    public void require(Caller caller, long patientId, Need need, AuditAction action, String detail) {
        if (!allowed(caller, patientId, need)) {
            audit.record(caller, AuditAction.ACCESS_DENIED, patientId, false,
                    detail == null ? action.name() : action.name() + ": " + detail);
            throw new NotFoundException("Patient");
        }
        audit.record(caller, action, patientId, true, detail);
    }

    /** Which outcome of an access check {@link #require(Caller, long, Need, AuditAction, Audit)} audits. */
    public enum Audit {
        /** Only a denial: the caller records its own allowed entry once it knows what it did (one row). */
        DENIAL_ONLY
    }

    /**
     * As {@link #require(Caller, long, Need, AuditAction)}, but audits only a denial ({@link Audit#DENIAL_ONLY}): for
     * an action that writes its own single entry, e.g. an edit naming the changed fields, or an export already
     * audited as EXPORTED.
     */
    public void require(Caller caller, long patientId, Need need, AuditAction action, Audit only) {
        if (!allowed(caller, patientId, need)) {
            audit.record(caller, AuditAction.ACCESS_DENIED, patientId, false, action.name());
            throw new NotFoundException("Patient");
        }
    }

    /**
     * Audits an allowed access that a query has already proven, by returning rows only within
     * {@link #SCOPE_SQL}. Callers that get no rows ask {@link #require} instead.
     */
    public void granted(Caller caller, long patientId, AuditAction action) {
        audit.record(caller, action, patientId, true, null);
    }

    /** True when the caller may do {@code need} with the patient; neither audits nor throws. */
    public boolean allowed(Caller caller, long patientId, Need need) {
        boolean roleFits = switch (need) {
            case READ -> true;
            case CARE -> caller.isClinician();
            case SELF -> caller.isPatient();
            case MANAGE -> caller.isAdmin();
        };
        if (!roleFits) {
            return false;
        }
        return jdbc.sql("select count(*) from patient p where p.id = :patientId and " + SCOPE_SQL)
                .param("patientId", patientId)
                .params(scopeParams(caller))
                .query(Long.class).single() > 0;
    }
}
