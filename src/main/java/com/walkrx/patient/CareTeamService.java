package com.walkrx.patient;

import com.walkrx.audit.AuditAction;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.Role;
import com.walkrx.clinic.ClinicService;
import com.walkrx.clinic.UserSummary;
import com.walkrx.patient.PatientAccess.Need;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care teams: the clinicians who may read and change a patient's record. Anyone who may read the
 * record sees the team; only an admin of the patient's clinic changes it, with clinicians of that
 * clinic. Every change is audited as CHANGED_CARE_TEAM.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CareTeamService {

    /** The problem code of a refused removal: the last active clinician of a patient with unresolved flags. */
    public static final String LAST_CLINICIAN_WITH_OPEN_FLAGS = "LAST_CLINICIAN_WITH_OPEN_FLAGS";

    private final PatientAccess access;
    private final JdbcClient jdbc;
    private final ClinicService clinics;

    /** The patient's care team, if the caller may read the record; otherwise not found. */
    @Transactional(readOnly = true)
    public CareTeam team(Caller caller, long patientId) {
        access.require(caller, patientId, Need.READ, AuditAction.VIEWED_CARE_TEAM);
        String name = jdbc.sql("select given_name || ' ' || family_name from patient where id = :p")
                .param("p", patientId).query(String.class).single();
        List<CareTeamMember> members = jdbc.sql("""
                        select u.id, u.display_name, u.username, u.enabled, m.added_at
                        from care_team_member m join app_user u on u.id = m.clinician_id
                        where m.patient_id = :p order by lower(u.display_name), u.id
                        """)
                .param("p", patientId)
                .query((rs, n) -> new CareTeamMember(rs.getLong("id"), rs.getString("display_name"),
                        rs.getString("username"), rs.getBoolean("enabled"), rs.getTimestamp("added_at").toInstant()))
                .list();
        return new CareTeam(patientId, name, members);
    }

    /** Adds a clinician of the admin's clinic to the care team (no change if already on it). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void add(Caller caller, long patientId, long clinicianId) {
        UserSummary clinician = clinician(caller, clinicianId, true);
        access.require(caller, patientId, Need.MANAGE, AuditAction.CHANGED_CARE_TEAM, "added " + clinician.username());
        jdbc.sql("insert into care_team_member (patient_id, clinician_id, clinic_id) values (:p, :c, :clinic) "
                        + "on conflict do nothing")
                .param("p", patientId).param("c", clinicianId).param("clinic", caller.clinicId()).update();
    }

    /**
     * Removes a clinician from the care team; they no longer see the patient. Refused
     * ({@value #LAST_CLINICIAN_WITH_OPEN_FLAGS}) when the clinician is the team's last active one and the patient
     * has an unresolved flag: nobody would then see the flag. The refusal is audited with its reason.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void remove(Caller caller, long patientId, long clinicianId) {
        UserSummary clinician = clinician(caller, clinicianId, false);
        access.require(caller, patientId, Need.MANAGE, AuditAction.CHANGED_CARE_TEAM, "removed " + clinician.username());
        // The patient's row is the team's lock: two admins removing the last two clinicians at once are serialised,
        // so the second sees that the first has left nobody else. It must be FOR UPDATE (not FOR NO KEY UPDATE): a
        // flag being raised holds FOR KEY SHARE on this row (flag.patient_id's foreign key check) until it commits,
        // so a removal waits for a raise in progress and then counts its flag (CareTeamRemovalRaceTest), and a raise
        // that starts during the removal waits for it.
        jdbc.sql("select id from patient where id = :p for update").param("p", patientId).query(Long.class).single();
        if (clinician.enabled()) {
            long othersActive = jdbc.sql("""
                            select count(*) from care_team_member m join app_user u on u.id = m.clinician_id
                            where m.patient_id = :p and m.clinician_id <> :c and u.enabled
                            """)
                    .param("p", patientId).param("c", clinicianId).query(Long.class).single();
            long unresolved = othersActive > 0 ? 0 : jdbc.sql(
                            "select count(*) from flag where patient_id = :p and status in ('OPEN', 'ACKNOWLEDGED')")
                    .param("p", patientId).query(Long.class).single();
            if (unresolved > 0) {
                throw new ConflictException(LAST_CLINICIAN_WITH_OPEN_FLAGS, clinician.displayName()
                        + " is the last active clinician on this care team and the patient has " + unresolved
                        + (unresolved == 1 ? " unresolved flag" : " unresolved flags")
                        + ": add another clinician first, or resolve the flags.");
            }
        }
        jdbc.sql("delete from care_team_member where patient_id = :p and clinician_id = :c")
                .param("p", patientId).param("c", clinicianId).update();
    }

    private UserSummary clinician(Caller caller, long clinicianId, boolean mustBeActive) {
        return clinics.findUser(caller.clinicId(), clinicianId)
                .filter(u -> u.role() == Role.CLINICIAN && (u.enabled() || !mustBeActive))
                .orElseThrow(() -> new InvalidInputException("clinicianId",
                        mustBeActive ? "is not an active clinician of this clinic" : "is not a clinician of this clinic"));
    }
}
