/**
 * The patient module's views (enrolment, account activation) and components other modules may place on
 * their pages, such as {@link com.walkrx.patient.ui.PatientHeader} for the patient chart.
 */
@org.springframework.modulith.NamedInterface("ui")
package com.walkrx.patient.ui;
