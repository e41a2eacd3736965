package com.walkrx.dashboard.ui;

import com.walkrx.dashboard.PainChange;
import java.time.LocalDate;
import java.util.Locale;

/** How the dashboard writes numbers and dates for people. */
final class Format {

    private Format() {
    }

    static String percent(Double share) {
        return share == null ? "-" : Math.round(share * 100) + "%";
    }

    static String oneDecimal(double value) {
        return String.format(Locale.UK, "%.1f", value);
    }

    /** "+1.5" or "-2.0": a change with its sign. */
    static String signed(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return (rounded > 0 ? "+" : rounded < 0 ? "\u2212" : "\u00b1") + oneDecimal(Math.abs(rounded));
    }

    static String daysAgo(Integer days) {
        if (days == null) {
            return "Never";
        }
        return switch (days) {
            case 0 -> "Today";
            case 1 -> "Yesterday";
            default -> days + " days ago";
        };
    }

    /** "Sun 29/11/2026". */
    static String day(LocalDate date) {
        return com.walkrx.base.ui.Dates.dayAndDate(date);
    }

    static String time(java.time.Instant instant, java.time.ZoneId zone) {
        return com.walkrx.base.ui.Dates.dateTime(instant, zone);
    }

    static String date(LocalDate date) {
        return com.walkrx.base.ui.Dates.date(date);
    }

    /** The change from baseline in words for a tooltip. */
    static String changeTitle(PainChange c) {
        String base = "Baseline " + oneDecimal(c.baseline()) + " (first plan week), latest " + c.latest() + ": "
                + signed(c.change()) + " points";
        if (c.clinicallyImportant()) {
            return base + ". Clinically important improvement (2 points or 30%).";
        }
        if (c.clinicallyImportantWorsening()) {
            return base + ". Worse by 2 points or more.";
        }
        return base + ".";
    }

    /** A long walking total in round hours, a short one exactly. */
    static String duration(int totalMinutes) {
        return totalMinutes >= 600 ? Math.round(totalMinutes / 60.0) + " hours" : minutes(totalMinutes);
    }

    static String minutes(int total) {
        if (total < 60) {
            return total + " min";
        }
        int h = total / 60;
        int m = total % 60;
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }

    /** The chart's pain summary in words: latest against baseline, and whether the change is important. */
    static String painSummary(PainChange c) {
        if (c == null) {
            return "No pain scores yet.";
        }
        String text = "Latest daily pain " + c.latest() + " against a baseline of " + oneDecimal(c.baseline())
                + " (first " + c.baselineDays() + " days with a score): " + signed(c.change()) + " points.";
        if (c.clinicallyImportant()) {
            return text + " A clinically important improvement (2 points or 30%).";
        }
        if (c.clinicallyImportantWorsening()) {
            return text + " Worse by 2 points or more.";
        }
        return text + " Not yet a clinically important change (2 points or 30%).";
    }
}
