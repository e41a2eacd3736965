package com.walkrx.patient;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Caller;
import com.walkrx.clinic.LoginsService;
import com.walkrx.patient.PatientAccess.Need;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Patient records, always read through the caller's care relationship. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PatientService {

    private final PatientRepository patients;
    private final PatientAccess access;
    private final JdbcClient jdbc;
    private final AuditService audit;
    private final ActivationCodes activationCodes;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final com.walkrx.base.security.CurrentUser currentUser;
    private final LoginsService logins;

    /**
     * A lost phone: ends every session and API token of the patient's login, on every instance. Care team
     * only; a patient without a login needs nothing ended.
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public void revokeLogins(Caller caller, long patientId) {
        access.require(caller, patientId, Need.CARE, AuditAction.ENDED_LOGINS,
                "every session and API token of the patient's login");
        jdbc.sql("select user_id from patient where id = :id and user_id is not null").param("id", patientId)
                .query(Long.class).optional().ifPresent(userId -> logins.endPatientLogins(caller, userId));
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
        List<PatientSummary> shown = jdbc.sql("select p.id, p.given_name, p.family_name, p.date_of_birth, p.condition, p.acuity, "
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
        audit.recordShown(caller, AuditAction.LISTED_PATIENTS, shown.stream().map(PatientSummary::id).toList(),
                "patient list" + (nameFilter == null || nameFilter.isBlank() ? "" : ", name contains \""
                        + nameFilter.trim() + "\"") + (offset == 0 ? "" : ", from row " + offset));
        return shown;
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

    // ---- Enrolment, activation codes, surgery and clearance ----

    /**
     * Enrols a patient in the calling clinician's clinic, puts the caller on the care team and returns the
     * record with a one-time activation code (valid 14 days, stored only as a hash). Every invalid field is
     * named in an {@link InvalidInputException}, and then nothing is stored.
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public Enrolment enrol(Caller caller, EnrolmentCommand command) {
        requireClinician(caller);
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = PatientRules.enrolment(command, today);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate clearance = command.surgeonClearanceDate();
        Patient patient = new Patient(caller.clinicId(), PatientRules.clean(command.givenName()),
                PatientRules.clean(command.familyName()), command.dateOfBirth(), command.condition(), command.acuity(),
                command.onsetDate(), command.surgeryDate(), clearance,
                clearance == null ? null : PatientRules.clean(command.surgeonClearanceLimits()),
                caller.userId(), clock.instant());
        patient.recordContact(PatientRules.cleanContact(command));
        patient = patients.saveAndFlush(patient);
        long id = patient.getId();
        jdbc.sql("insert into care_team_member (patient_id, clinician_id, clinic_id) values (:p, :c, :clinic)")
                .param("p", id)
                .param("c", caller.userId())
                .param("clinic", caller.clinicId())
                .update();
        IssuedActivationCode code = activationCodes.issue(caller.clinicId(), id);
        audit.record(caller, AuditAction.ENROLLED_PATIENT, id, true, null);
        events.publishEvent(new PatientEnrolled(caller.clinicId(), id, caller.userId()));
        return new Enrolment(patient.toRecord(), code);
    }

    /**
     * Issues a new one-time activation code for a patient on the calling clinician's care team who has no
     * login yet (for example when the first code expired); every older unused code stops working.
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public IssuedActivationCode issueNewActivationCode(Caller caller, long patientId) {
        access.require(caller, patientId, Need.CARE, AuditAction.ISSUED_ACTIVATION_CODE);
        Patient patient = patients.findById(patientId).orElseThrow(() -> new NotFoundException("Patient"));
        if (patient.getUserId() != null) {
            throw new ConflictException("ACCOUNT_EXISTS", "This patient has already created their login.");
        }
        return activationCodes.issue(patient.getClinicId(), patientId);
    }

    /**
     * Records the date of the patient's back surgery. A surgery after the clearance on record voids that
     * clearance. {@code expectedVersion} (may be null) is the record version the caller last saw: a record
     * changed since then is a concurrent edit (409).
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PatientRecord recordSurgery(Caller caller, long patientId, LocalDate date, Long expectedVersion) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PATIENT);
        Patient patient = editable(patientId, expectedVersion);
        List<FieldProblem> problems = PatientRules.surgery(date, patient.getDateOfBirth(), LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        patient.recordSurgery(date);
        return saved(patient);
    }

    /** Like {@link #recordSurgery(Caller, long, LocalDate, Long)} without a version check. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PatientRecord recordSurgery(Caller caller, long patientId, LocalDate date) {
        return recordSurgery(caller, patientId, date, null);
    }

    /**
     * Records the surgeon's clearance after surgery: its date (not before the surgery, not in the future)
     * and any limits the surgeon set. {@code expectedVersion} as in {@link #recordSurgery}.
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PatientRecord recordClearance(Caller caller, long patientId, LocalDate date, String limits,
                                         Long expectedVersion) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PATIENT);
        Patient patient = editable(patientId, expectedVersion);
        List<FieldProblem> problems = PatientRules.clearance(date, limits, patient.getSurgeryDate(),
                LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        patient.recordClearance(date, PatientRules.clean(limits));
        return saved(patient);
    }

    /** Like {@link #recordClearance(Caller, long, LocalDate, String, Long)} without a version check. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PatientRecord recordClearance(Caller caller, long patientId, LocalDate date, String limits) {
        return recordClearance(caller, patientId, date, limits, null);
    }

    /**
     * Changes any enrolment fields of a patient on the calling clinician's care team: {@code updated} is the whole
     * set as it should be (start from {@link EnrolmentCommand#of}). The same rules as at enrolment apply, each bad
     * field named and nothing stored; every changed field is kept in the patient's history (who, when, before,
     * after) and the change is audited. {@code expectedVersion} as in {@link #recordSurgery}.
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PatientRecord edit(Caller caller, long patientId, EnrolmentCommand updated, Long expectedVersion) {
        // One CHANGED_PATIENT row naming the changed fields, written once they are known; an edit that fails still
        // leaves its row (the audit adds "not done: <reason>" when the transaction rolls back).
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PATIENT, PatientAccess.Audit.DENIAL_ONLY);
        String detail = null;
        try {
            Patient patient = editable(patientId, expectedVersion);
            PatientRecord before = patient.toRecord();
            List<FieldProblem> problems = PatientRules.enrolment(updated, LocalDate.now(clock));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            patient.edit(PatientRules.clean(updated.givenName()), PatientRules.clean(updated.familyName()), updated,
                    PatientRules.clean(updated.surgeonClearanceLimits()));
            patient.recordContact(PatientRules.cleanContact(updated));
            Patient stored = patients.saveAndFlush(patient);
            PatientRecord after = stored.toRecord();
            List<PatientChange.Field> changed = PatientChange.diff(before, after);
            String by = currentUser.principal().filter(u -> u.userId() == caller.userId())
                    .map(com.walkrx.base.security.WalkRxPrincipal::displayName).orElse(caller.username());
            for (PatientChange.Field f : changed) {
                jdbc.sql("insert into patient_change (id, clinic_id, patient_id, changed_by, changed_by_name,"
                                + " changed_at, field, old_value, new_value) values (nextval('patient_change_seq'),"
                                + " :clinic, :patient, :by, :byName, :at, :field, :old, :new)")
                        .param("clinic", after.clinicId()).param("patient", patientId).param("by", caller.userId())
                        .param("byName", by).param("at", java.sql.Timestamp.from(clock.instant()))
                        .param("field", f.name()).param("old", f.before()).param("new", f.after())
                        .update();
            }
            detail = "fields=" + String.join(",", changed.stream().map(PatientChange.Field::name).toList());
            if (!java.util.Objects.equals(before.surgeryDate(), after.surgeryDate())
                    || !java.util.Objects.equals(before.surgeonClearanceDate(), after.surgeonClearanceDate())) {
                events.publishEvent(new SurgeryDetailsChanged(after.clinicId(), after.id(), after.surgeryDate(),
                        after.surgeonClearanceDate()));
            }
            return after;
        } finally {
            audit.record(caller, AuditAction.CHANGED_PATIENT, patientId, true, detail);
        }
    }

    /** The changes to a patient's enrolment fields, newest first (care team and admins; audited as a read). */
    @Transactional(readOnly = true)
    public List<PatientChange> history(Caller caller, long patientId) {
        access.require(caller, patientId, Need.READ, AuditAction.VIEWED_PATIENT);
        return jdbc.sql("select changed_by_name, changed_at, field, old_value, new_value from patient_change"
                        + " where patient_id = :patient order by changed_at desc, id desc limit 200")
                .param("patient", patientId)
                .query((rs, n) -> new PatientChange(rs.getString("changed_by_name"),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("field"), rs.getString("old_value"),
                        rs.getString("new_value")))
                .list();
    }

    /** The patient as the chart header shows it, if the caller may read the record; otherwise not found. */
    @Transactional(readOnly = true)
    public PatientOverview overview(Caller caller, long patientId) {
        access.require(caller, patientId, Need.READ, AuditAction.VIEWED_PATIENT);
        PatientRecord record = patients.findById(patientId).map(Patient::toRecord)
                .orElseThrow(() -> new NotFoundException("Patient"));
        LocalDate today = LocalDate.now(clock);
        return new PatientOverview(record, record.ageOn(today), record.clearanceMissingOn(today),
                access.allowed(caller, patientId, Need.CARE));
    }

    private Patient editable(long patientId, Long expectedVersion) {
        Patient patient = patients.findById(patientId).orElseThrow(() -> new NotFoundException("Patient"));
        if (expectedVersion != null && expectedVersion != patient.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(Patient.class, patientId);
        }
        return patient;
    }

    private PatientRecord saved(Patient patient) {
        // Flush here so a concurrent change surfaces as an optimistic-lock failure inside this call.
        Patient stored = patients.saveAndFlush(patient);
        PatientRecord record = stored.toRecord();
        events.publishEvent(new SurgeryDetailsChanged(record.clinicId(), record.id(), record.surgeryDate(),
                record.surgeonClearanceDate()));
        return record;
    }

    private static void requireClinician(Caller caller) {
        if (!caller.isClinician()) {
            throw new AccessDeniedException("Only clinicians enrol patients");
        }
    }
}
