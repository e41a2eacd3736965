package com.walkrx.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one date formatter of the screens, in the clinic's locale; no ISO dates for people. */
class DatesTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 29);

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    private static void uiIn(String tag) {
        UI ui = new UI();
        ui.setLocale(Locale.forLanguageTag(tag));
        UI.setCurrent(ui);
    }

    @ParameterizedTest(name = "{0}: {1}, pattern {2}, week from {3}")
    @CsvSource({
            "en-GB, 29/11/2026, dd/MM/yyyy, MONDAY",
            "en-IE, 29/11/2026, dd/MM/yyyy, MONDAY",
            "en-AU, 29/11/2026, dd/MM/yyyy, MONDAY",
            "en-US, 11/29/2026, MM/dd/yyyy, SUNDAY",
            "de-DE, 29.11.2026, dd.MM.yyyy, MONDAY",
            "fr-FR, 29/11/2026, dd/MM/yyyy, MONDAY",
            "nl-NL, 29-11-2026, dd-MM-yyyy, MONDAY"})
    void every_supported_locale_writes_a_date_with_two_digit_day_and_month_and_a_four_digit_year(
            String tag, String written, String pattern, DayOfWeek first) {
        Locale locale = Locale.forLanguageTag(tag);
        assertThat(Dates.date(DAY, locale)).isEqualTo(written);
        assertThat(Dates.datePattern(locale)).isEqualTo(pattern);
        assertThat(Dates.firstDayOfWeek(locale)).isEqualTo(first);
        assertThat(ClinicLocales.SUPPORTED).contains(tag);
    }

    @Test
    void without_a_ui_dates_are_en_gb_and_single_digits_are_padded() {
        assertThat(Dates.date(LocalDate.of(2026, 2, 1))).isEqualTo("01/02/2026");
        assertThat(Dates.dayAndDate(DAY)).isEqualTo("Sun 29/11/2026");
        assertThat(Dates.weekdayAndDate(DAY)).isEqualTo("Sunday 29/11/2026");
        assertThat(Dates.date(null)).isEqualTo("-");
    }

    @Test
    void times_are_in_the_clinics_zone_and_locale() {
        Instant instant = Instant.parse("2026-11-29T23:30:05Z");
        assertThat(Dates.dateTime(instant, ZoneId.of("Europe/London"))).isEqualTo("29/11/2026, 23:30");
        assertThat(Dates.dateTime(instant, ZoneId.of("Pacific/Auckland"))).isEqualTo("30/11/2026, 12:30");
        assertThat(Dates.dateTimeSeconds(instant, ZoneId.of("Europe/London"))).isEqualTo("29/11/2026, 23:30:05");
        uiIn("de-DE");
        assertThat(Dates.dateTime(instant, ZoneId.of("Europe/Berlin"))).isEqualTo("30.11.2026, 00:30");
    }

    @Test
    void the_ui_locale_decides_en_us_writes_month_first() {
        uiIn("en-US");
        assertThat(Dates.date(DAY)).isEqualTo("11/29/2026");
        assertThat(Dates.weekdayAndDate(DAY)).isEqualTo("Sunday 11/29/2026");
    }

    @Test
    void iso_dates_in_a_services_text_are_rewritten_and_other_numbers_are_left_alone() {
        assertThat(Dates.inText("fever reported on 2026-11-29, overall pain 7 that day"))
                .isEqualTo("fever reported on 29/11/2026, overall pain 7 that day");
        assertThat(Dates.inText("start date 2026-11-29 -> 2026-12-01"))
                .isEqualTo("start date 29/11/2026 -> 01/12/2026");
        assertThat(Dates.inText("minutes 15-20 -> 15-25; at 2026-11-29T10:00:00Z; not a date 2026-13-45"))
                .isEqualTo("minutes 15-20 -> 15-25; at 2026-11-29T10:00:00Z; not a date 2026-13-45");
        assertThat(Dates.inText("due 2026-11-29", Locale.US)).isEqualTo("due 11/29/2026");
        assertThat(Dates.inText("PEG due 2026-11-26: 4.3")).isEqualTo("PEG due 26/11/2026: 4.3");
        assertThat(Dates.inText("stamped 2026-11-26:10")).isEqualTo("stamped 2026-11-26:10");
        assertThat(Dates.inText(null)).isNull();
    }

    @Test
    void a_date_picker_for_en_gb_starts_the_week_on_monday_and_reads_dd_mm_yyyy() {
        DatePicker picker = Dates.datePicker("Start date");

        assertThat(picker.getI18n().getFirstDayOfWeek()).isEqualTo(1);
        assertThat(picker.getI18n().getDateFormats()).first().isEqualTo("dd/MM/yyyy");
        assertThat(picker.getI18n().getDateFormats()).contains("d/M/yyyy", "yyyy-MM-dd");
        assertThat(picker.getI18n().getWeekdaysShort()).first().isEqualTo("Sun"); // the component counts from Sunday
        assertThat(picker.getI18n().getMonthNames()).first().isEqualTo("January");
        assertThat(picker.getPlaceholder()).isEqualTo("dd/mm/yyyy");
        assertThat(picker.getLocale()).isEqualTo(Locale.forLanguageTag("en-GB"));
    }

    @Test
    void a_date_picker_for_en_us_starts_on_sunday_and_one_for_germany_speaks_german() {
        uiIn("en-US");
        DatePicker us = Dates.datePicker("Start");
        assertThat(us.getI18n().getFirstDayOfWeek()).isZero();
        assertThat(us.getI18n().getDateFormats()).first().isEqualTo("MM/dd/yyyy");

        uiIn("de-DE");
        DatePicker de = Dates.localize(new DatePicker("Beginn"));
        assertThat(de.getI18n().getFirstDayOfWeek()).isEqualTo(1);
        assertThat(de.getI18n().getDateFormats()).first().isEqualTo("dd.MM.yyyy");
        assertThat(de.getI18n().getMonthNames()).first().isEqualTo("Januar");
    }
}
