package com.walkrx.flag;

import com.walkrx.base.clinical.Tier;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A flag as the API and the UI show it: what fired, why (basis and evidence), what the patient was told, and
 * who acknowledged and resolved it when. Fields that are not set yet are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlagView(long id, long patientId, String patientName, FlagCode code, Tier tier, FlagStatus status,
                       Instant raisedAt, String basis, List<Evidence> evidence, String patientMessage,
                       String acknowledgedBy, Instant acknowledgedAt, String acknowledgeNote, String resolvedBy,
                       Instant resolvedAt, Outcome outcome, FlagAction action, String resolveNote, Boolean resolvedBySystem,
                       long version) {

    /** The name shown for the system when it resolves a flag by itself. */
    public static final String SYSTEM = "WalkRx (automatic)";

    /** One piece of evidence: the check-in (absent for facts no check-in carries) and the values that matched. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(Long checkInId, String detail, Instant addedAt) {
    }

    public boolean isOpen() {
        return status == FlagStatus.OPEN;
    }

    /** Unresolved and either open or URGENT/HIGH: a clinician still has to act (triage keeps it on top). */
    public boolean needsAttention() {
        return status == FlagStatus.OPEN || (status == FlagStatus.ACKNOWLEDGED && tier != Tier.ADVISORY);
    }

    public boolean isResolved() {
        return status == FlagStatus.RESOLVED;
    }
}
