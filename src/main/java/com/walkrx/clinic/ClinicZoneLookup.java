package com.walkrx.clinic;

import com.walkrx.base.time.ClinicZones;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The clinic module's side of {@link ClinicZones}: read each time, so every app instance sees a change at once. */
@Component
class ClinicZoneLookup implements ClinicZones {

    private final JdbcClient jdbc;

    ClinicZoneLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ZoneId zone(long clinicId) {
        return ZoneId.of(jdbc.sql("select time_zone from clinic where id = :id").param("id", clinicId)
                .query(String.class).single());
    }
}
