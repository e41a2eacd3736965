package com.walkrx.report;

import com.walkrx.report.EpisodeReader.DayValue;
import com.walkrx.report.EpisodeReader.Totals;
import com.walkrx.outcome.OutcomeResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything the progress report shows, read in one transaction.
 *
 * @param adherence7d    the 7 whole days before today against the current phase (the caseload's figure)
 * @param adherencePhase since the current phase began (at most the days before today), against that phase
 * @param preparedBy     the clinician who downloaded it
 * @param outcomes       the outcome measures (PEG, PSFS, GROC), oldest first
 * @param locale         the clinic's locale: the report writes dates as its screens do (en-GB: 29/11/2026)
 */
record ReportFacts(Episode episode, PainCourse pain, List<DayValue> dailyPain, Totals totals, Double adherence7d,
                   Double adherencePhase, LocalDate phaseFrom, LocalDate today, ZoneId zone, String preparedBy,
                   List<OutcomeResponse> outcomes, java.util.Locale locale) {
}
