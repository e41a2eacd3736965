package com.walkrx.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The one way people see dates and times: in the clinic's locale, never ISO. The locale is the UI's, which
 * {@link ClinicLocaleUiInit} sets from the clinic setting before every navigation (en-GB when there is none:
 * 29/11/2026, weeks from Monday). Code without a UI (the PDF report) passes the locale. Date pickers get the same
 * format and first day of the week through {@link #datePicker(String)} or {@link #localize(DatePicker)}.
 * The API, CSV and FHIR keep ISO-8601: they are contracts, not screens.
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

    /** A date: 29/11/2026 in en-GB; "-" for none. */
    public static String date(LocalDate date) {
        return date(date, locale());
    }

    /** A date in the given locale: 29/11/2026 in en-GB, 11/29/2026 in en-US, 29.11.2026 in de-DE. */
    public static String date(LocalDate date, Locale locale) {
        return date == null ? "-" : DateTimeFormatter.ofPattern(datePattern(locale), locale).format(date);
    }

    private static final java.util.regex.Pattern ISO_DATE =
            java.util.regex.Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\dT-]|:\\d)");

    /**
     * A text made by a service (flag evidence, a plan change, an audit detail) with each ISO date in it written
     * in the clinic's locale: "fever reported on 2026-11-29" reads "fever reported on 29/11/2026". Services keep
     * ISO in what they store and return (the API's contract); the screen converts as it shows.
     */
    public static String inText(String text) {
        return inText(text, locale());
    }

    /** {@link #inText(String)} in the given locale (the PDF report, which has no UI). */
    public static String inText(String text, Locale locale) {
        if (text == null || text.indexOf('-') < 0) {
            return text;
        }
        return ISO_DATE.matcher(text).replaceAll(m -> {
            try {
                return java.util.regex.Matcher.quoteReplacement(date(LocalDate.parse(m.group()), locale));
            } catch (java.time.format.DateTimeParseException notADate) {
                return java.util.regex.Matcher.quoteReplacement(m.group());
            }
        });
    }

    /** A date with its short weekday: "Sun 29/11/2026". */
    public static String dayAndDate(LocalDate date) {
        return date == null ? "-" : DateTimeFormatter.ofPattern("EEE", locale()).format(date) + " " + date(date);
    }

    /** A date with its weekday in full, for headings: "Sunday 29/11/2026". */
    public static String weekdayAndDate(LocalDate date) {
        return date == null ? "-" : DateTimeFormatter.ofPattern("EEEE", locale()).format(date) + " " + date(date);
    }

    /** An instant in the zone: "29/11/2026, 09:30"; "" for none. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return dateTime(instant, zone, locale());
    }

    /** An instant in the zone and locale: "29/11/2026, 09:30"; "" for none. */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone);
        return date(local.toLocalDate(), locale) + ", " + timeFormat(locale).format(local);
    }

    /** An instant with seconds, for the audit trail: "29/11/2026, 09:30:05". */
    public static String dateTimeSeconds(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone);
        return date(local.toLocalDate()) + ", " + DateTimeFormatter.ofPattern("HH:mm:ss", locale()).format(local);
    }

    /** A time of day: "09:30". */
    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : timeFormat(locale()).format(instant.atZone(zone));
    }

    /**
     * The locale's short date pattern with two-digit day and month and a four-digit year (en-GB: dd/MM/yyyy,
     * en-US: MM/dd/yyyy, de-DE: dd.MM.yyyy): one width, so dates line up in a column.
     */
    public static String datePattern(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        return pattern.replaceAll("y+", "yyyy").replaceAll("M+", "MM").replaceAll("d+", "dd");
    }

    /** The first day of the locale's week: Monday for en-GB, Sunday for en-US. */
    public static DayOfWeek firstDayOfWeek(Locale locale) {
        return WeekFields.of(locale).getFirstDayOfWeek();
    }

    /** The pattern as a hint for people: "dd/mm/yyyy". */
    public static String placeholder(Locale locale) {
        return datePattern(locale).toLowerCase(Locale.ROOT);
    }

    /** A new date picker in the clinic's format and week. */
    public static DatePicker datePicker(String label) {
        return localize(new DatePicker(label));
    }

    /**
     * Gives a date picker the clinic's locale, date format (also accepting one-digit day and month, and ISO as
     * typed) and first day of the week, with the format as its placeholder.
     */
    public static <T extends DatePicker> T localize(T picker) {
        Locale locale = locale();
        picker.setLocale(locale);
        DatePicker.DatePickerI18n i18n = picker.getI18n() != null ? picker.getI18n() : new DatePicker.DatePickerI18n();
        String pattern = datePattern(locale);
        Set<String> more = new LinkedHashSet<>();
        more.add(pattern.replace("dd", "d").replace("MM", "M"));
        more.add("yyyy-MM-dd");
        more.remove(pattern);
        i18n.setDateFormats(pattern, more.toArray(String[]::new));
        // The web component counts from 0 = Sunday, java.time from 1 = Monday .. 7 = Sunday.
        i18n.setFirstDayOfWeek(firstDayOfWeek(locale).getValue() % 7);
        i18n.setMonthNames(java.util.Arrays.stream(java.time.Month.values())
                .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList());
        i18n.setWeekdays(java.util.stream.Stream.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)
                .map(d -> d.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList());
        i18n.setWeekdaysShort(java.util.stream.Stream.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)
                .map(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, locale)).toList());
        picker.setI18n(i18n);
        if (picker.getPlaceholder() == null || picker.getPlaceholder().isEmpty()) {
            picker.setPlaceholder(placeholder(locale));
        }
        return picker;
    }

    private static DateTimeFormatter timeFormat(Locale locale) {
        return DateTimeFormatter.ofPattern(DateTimeFormatterBuilder.getLocalizedDateTimePattern(null,
                FormatStyle.SHORT, IsoChronology.INSTANCE, locale), locale);
    }
}
