package com.walkrx.checkin;

import java.time.LocalDate;

/** Published inside the check-in's transaction once a check-in (and its walks) is stored. */
public record CheckInRecorded(long clinicId, long patientId, long checkInId, LocalDate date) {
}
