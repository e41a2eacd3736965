package com.walkrx.clinic;

import com.walkrx.base.time.ClinicZones;
import com.walkrx.base.ui.ClinicLocales;
import com.walkrx.base.ui.Dates;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clinic module's side of {@link ClinicLocales} and {@link ClinicZones}: read each time, so a change shows
 * at once on every app instance and at the next navigation.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ClinicLookups implements ClinicLocales, ClinicZones {

    private final JdbcClient jdbc;

    @Override
    public Locale locale(long clinicId) {
        return setting("locale", clinicId).filter(ClinicLocales::supported).map(Locale::forLanguageTag)
                .orElse(Dates.DEFAULT_LOCALE);
    }

    @Override
    public ZoneId zone(long clinicId) {
        return ZoneId.of(setting("time_zone", clinicId).orElseThrow(() -> new EmptyResultDataAccessException(1)));
    }

    /** One column of the clinic's row; the column is one of this class's constants, never caller input. */
    private Optional<String> setting(String column, long clinicId) {
        return jdbc.sql("select " + column + " from clinic where id = :id").param("id", clinicId)
                .query(String.class).optional();
    }
}
