/**
 * Exports of a patient's episode: the PDF progress report for the GP or referrer, the check-in CSV, the FHIR R4
 * Bundle, and the caseload CSV. {@link com.walkrx.report.ExportService} is the module's surface.
 *
 * <p>Like the dashboard, this module is a read side: {@code EpisodeReader} and {@code CaseloadCsv} read, and never
 * write, the tables of other modules: patient, care_team_member and app_user (patient, clinic), plan, plan_phase and
 * plan_change (plan), check_in and walk (checkin), flag and flag_evidence (flag), clinic. It reads them in SQL so
 * that a year of check-ins streams from a cursor to the response instead of passing through lists.
 */
package com.walkrx.report;
