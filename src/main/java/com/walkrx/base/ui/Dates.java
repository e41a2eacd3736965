package com.walkrx.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * The one way views write dates and times: in the clinic's locale (the UI's locale, set from the clinic settings
 * when a UI starts; en-GB when there is none: 02/12/2026), never ISO. Date pickers get the same format and the
 * locale's first day of the week.
 */
public final class Dates {

    /** The locale when no UI (or clinic) says otherwise. */
    public static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("en-GB");

    private Dates() {
    }

    /** The current UI's locale, or {@link #DEFAULT_LOCALE}. */
    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null || ui.getLocale() == null ? DEFAULT_LOCALE : ui.getLocale();
    }

    /** A date: 02/12/2026 in en-GB; "-" for none. */
    public static String date(LocalDate date) {
        return date == null ? "-" : DateTimeFormatter.ofPattern(datePattern(locale()), locale()).format(date);
    }

    /** A date with its weekday: "Wed 02/12/2026". */
    public static String dayAndDate(LocalDate date) {
        return date == null ? "-" : DateTimeFormatter.ofPattern("EEE", locale()).format(date) + " " + date(date);
    }

    /** An instant in the zone: "02/12/2026, 09:30"; "" for none. */
    public static String dateTime(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone);
        return date(local.toLocalDate()) + ", " + DateTimeFormatter.ofPattern("HH:mm", locale()).format(local);
    }

    /** A time of day: "09:30". */
    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("HH:mm", locale()).format(instant.atZone(zone));
    }

    /** The locale's short date pattern with a four-digit year (en-GB: dd/MM/yyyy, en-US: M/d/yyyy). */
    static String datePattern(Locale locale) {
        String pattern = java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT,
                null, java.time.chrono.IsoChronology.INSTANCE, locale);
        if (!pattern.contains("yyyy")) {
            pattern = pattern.replace("yy", "yyyy");
        }
        if (pattern.contains("d") && !pattern.contains("dd") && locale.getCountry().equals("GB")) {
            pattern = pattern.replace("d", "dd");
        }
        return pattern;
    }

    /** Gives a date picker the clinic's date format and first day of the week (Monday for en-GB). */
    public static <T extends DatePicker> T localize(T picker) {
        Locale locale = locale();
        picker.setLocale(locale);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormats(datePattern(locale), List.of("dd.MM.yyyy", "yyyy-MM-dd").toArray(String[]::new));
        i18n.setFirstDayOfWeek(java.time.temporal.WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7);
        picker.setI18n(i18n);
        return picker;
    }
}
