package com.walkrx.report;

import static com.walkrx.report.FhirCodes.uuid;

/**
 * The stable ids of the resources one episode's resources refer to each other by (patient, organization, care
 * team, condition, goal), so that the builders of {@link FhirEpisode}, {@link FhirCarePlans} and {@link FhirFlags}
 * name them the same way.
 */
record FhirIds(long clinic, long patientRecord) {

    /** The id of the clinic's record {@code id} of the given kind ("plan", "flag", "walk", ...). */
    String of(String kind, long id) {
        return uuid(clinic, kind, id);
    }

    String patient() {
        return of("patient", patientRecord);
    }

    String organization() {
        return of("clinic", clinic);
    }

    String careTeam() {
        return of("care-team", patientRecord);
    }

    String condition() {
        return of("condition", patientRecord);
    }

    String goal() {
        return of("goal", patientRecord);
    }

    String episodeOfCare() {
        return of("episode", patientRecord);
    }
}
