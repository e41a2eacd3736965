package com.walkrx.patient;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Caller;
import com.walkrx.patient.PatientAccess.Need;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Patient records, always read through the caller's care relationship. */
@Service
public class PatientService {

    private final PatientRepository patients;
    private final PatientAccess access;
    private final JdbcClient jdbc;
    private final AuditService audit;

    PatientService(PatientRepository patients, PatientAccess access, JdbcClient jdbc, AuditService audit) {
        this.patients = patients;
        this.access = access;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** One patient, if the caller may read the record; otherwise not found. */
    @Transactional(readOnly = true)
    public PatientRecord get(Caller caller, long patientId) {
        access.require(caller, patientId, Need.READ, AuditAction.VIEWED_PATIENT);
        return patients.findById(patientId).map(Patient::toRecord).orElseThrow(() -> new NotFoundException("Patient"));
    }

    /** The patients the caller may see, by name, one page at a time; {@code nameFilter} may be blank. */
    @Transactional(readOnly = true)
    public List<PatientSummary> list(Caller caller, String nameFilter, int offset, int limit) {
        audit.record(caller, AuditAction.LISTED_PATIENTS, null, true, null);
        return jdbc.sql("select p.id, p.given_name, p.family_name, p.date_of_birth, p.condition, p.acuity, "
                        + "p.user_id is not null as has_account from patient p where " + PatientAccess.SCOPE_SQL
                        + " and (:name = '' or (p.given_name || ' ' || p.family_name) ilike ('%' || :name || '%'))"
                        + " order by p.family_name, p.given_name, p.id offset :offset limit :limit")
                .params(PatientAccess.scopeParams(caller))
                .param("name", nameFilter == null ? "" : nameFilter.trim())
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> new PatientSummary(rs.getLong("id"), rs.getString("given_name"),
                        rs.getString("family_name"), rs.getObject("date_of_birth", java.time.LocalDate.class),
                        Condition.valueOf(rs.getString("condition")), Acuity.valueOf(rs.getString("acuity")),
                        rs.getBoolean("has_account")))
                .list();
    }

    /** How many patients {@link #list} would return in all. */
    @Transactional(readOnly = true)
    public long count(Caller caller, String nameFilter) {
        return jdbc.sql("select count(*) from patient p where " + PatientAccess.SCOPE_SQL
                        + " and (:name = '' or (p.given_name || ' ' || p.family_name) ilike ('%' || :name || '%'))")
                .params(PatientAccess.scopeParams(caller))
                .param("name", nameFilter == null ? "" : nameFilter.trim())
                .query(Long.class).single();
    }
}
