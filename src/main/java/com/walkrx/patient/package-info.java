/**
 * Patients and their care teams: enrolment, the patient record and surgery details, activation codes for a
 * patient's own login, and {@link com.walkrx.patient.PatientAccess}, the care-relationship check (and the SQL
 * scope) every module uses before it reads or changes patient data. Owns {@code patient},
 * {@code care_team_member} and {@code activation_code}.
 */
package com.walkrx.patient;
