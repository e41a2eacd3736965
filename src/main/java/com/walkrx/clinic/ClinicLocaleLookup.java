package com.walkrx.clinic;

import com.walkrx.base.ui.ClinicLocales;
import com.walkrx.base.ui.Dates;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The clinic module's side of {@link ClinicLocales}: read on each navigation, so a change shows at once. */
@Component
class ClinicLocaleLookup implements ClinicLocales {

    private final JdbcClient jdbc;

    ClinicLocaleLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Locale locale(long clinicId) {
        return jdbc.sql("select locale from clinic where id = :id").param("id", clinicId).query(String.class)
                .optional().filter(ClinicLocales::supported).map(Locale::forLanguageTag)
                .orElse(Dates.DEFAULT_LOCALE);
    }
}
