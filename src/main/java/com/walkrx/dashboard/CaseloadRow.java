package com.walkrx.dashboard;

import com.walkrx.patient.Acuity;
import com.walkrx.patient.Condition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One patient in a caseload: what a clinician triages by.
 *
 * @param planStatus         ACTIVE, PAUSED or DRAFT of the live plan, null without one
 * @param phase              the live plan's current phase, null without one
 * @param adherence7d        0.0-1.0 over the 7 whole days before today (shared definition), null without data
 * @param latestPain         the latest day's overall pain, null if never reported
 * @param painChange         latest against the baseline, null without both
 * @param pain28d            the daily overall pain of the last 28 days, oldest first, null where none
 * @param overdueQuestionnaires outcome questionnaires (PEG, PSFS, GROC) overdue today
 * @param improvedOn         "PEG", "PSFS" or "PEG, PSFS" where the latest response shows an important improvement
 * @param acknowledgedFlags  how many of the counted flags are acknowledged but not resolved (URGENT/HIGH stay
 *                           counted until resolved)
 * @param topAcknowledged    who acknowledged the most pressing flag and when; null while it is unacknowledged
 */
public record CaseloadRow(long id, String givenName, String familyName, Condition condition, Acuity acuity,
                          String planStatus, Integer phase, Double adherence7d, Integer latestPain,
                          LocalDate latestPainDate, PainChange painChange, LocalDate lastCheckInDate,
                          Integer daysSinceLastCheckIn, int urgentFlags, int highFlags, int advisoryFlags,
                          OpenTier highestOpenTier, Instant oldestOpenFlagAt, List<Integer> pain28d,
                          int overdueQuestionnaires, String improvedOn,
                          int acknowledgedFlags, Acknowledgement topAcknowledged) {

    /** Who acknowledged a flag and when. */
    public record Acknowledgement(String by, Instant at) {
    }

    public String fullName() {
        return givenName + " " + familyName;
    }

    public int openFlagCount() {
        return urgentFlags + highFlags + advisoryFlags;
    }
}
