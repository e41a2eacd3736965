package com.walkrx.base.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The time zone of a clinic ({@code clinic.time_zone}): "today" for a patient is their clinic's date, in Java
 * as in the dashboard's SQL. Implemented by the clinic module, which owns the table.
 */
public interface ClinicZones {

    ZoneId zone(long clinicId);

    /** The clinic's date at the clock's instant. */
    default LocalDate today(long clinicId, Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone(clinicId));
    }
}
