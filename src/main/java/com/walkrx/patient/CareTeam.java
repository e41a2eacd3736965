package com.walkrx.patient;

import java.util.List;

/** A patient's care team. */
public record CareTeam(long patientId, String patientName, List<CareTeamMember> members) {
}
