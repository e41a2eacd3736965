package com.walkrx.flag;

import com.walkrx.base.clinical.Tier;
/**
 * An URGENT or HIGH flag was raised, or got new evidence, for a patient. Published inside the transaction
 * that stored it; listeners that alert clinicians run after the commit.
 *
 * @param firstRaised true for a new flag, false for new evidence on a flag that was already open
 */
public record FlagRaised(long clinicId, long patientId, String patientName, long flagId, FlagCode code, Tier tier,
                         boolean firstRaised) {
}
