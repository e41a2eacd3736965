package com.walkrx.patient;

import com.walkrx.base.api.ConflictException;
import com.walkrx.clinic.DeactivationGuard;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a clinician's account active while they are the only active clinician of a patient with an unresolved
 * flag: deactivated, nobody would see the flag (the same rule as removing them from that care team,
 * {@link CareTeamService#remove}). The admin adds another clinician to those care teams first.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LastClinicianGuard implements DeactivationGuard {

    private static final int NAMES_SHOWN = 5;

    private final JdbcClient jdbc;

    @Override
    public void check(long clinicId, long userId, String displayName) {
        // Every patient of theirs is locked first, as a care-team removal locks its patient: a colleague removed
        // from one of these teams at the same moment is counted by whichever of the two runs second.
        jdbc.sql("""
                        select p.id from patient p join care_team_member m on m.patient_id = p.id
                        where m.clinician_id = :u and p.clinic_id = :clinic order by p.id for update of p
                        """)
                .param("u", userId).param("clinic", clinicId).query(Long.class).list();
        List<String> patients = jdbc.sql("""
                        select p.given_name || ' ' || p.family_name from patient p
                        join care_team_member m on m.patient_id = p.id and m.clinician_id = :u
                        where p.clinic_id = :clinic
                          and not exists (select 1 from care_team_member o join app_user u on u.id = o.clinician_id
                                          where o.patient_id = p.id and o.clinician_id <> :u and u.enabled)
                          and exists (select 1 from flag f where f.patient_id = p.id
                                      and f.status in ('OPEN', 'ACKNOWLEDGED'))
                        order by p.family_name, p.given_name, p.id
                        """)
                .param("u", userId).param("clinic", clinicId).query(String.class).list();
        if (!patients.isEmpty()) {
            String names = String.join(", ", patients.subList(0, Math.min(NAMES_SHOWN, patients.size())))
                    + (patients.size() > NAMES_SHOWN ? " and " + (patients.size() - NAMES_SHOWN) + " more" : "");
            throw new ConflictException(CareTeamService.LAST_CLINICIAN_WITH_OPEN_FLAGS, displayName
                    + " is the only active clinician of " + patients.size()
                    + (patients.size() == 1 ? " patient" : " patients") + " with unresolved flags (" + names
                    + "): add another clinician to their care teams first, or resolve the flags.");
        }
    }
}
