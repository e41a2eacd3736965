package com.walkrx.report;

import com.walkrx.report.EpisodeReader.DayValue;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * How a patient's pain went, for a reader outside the clinic: the baseline (the mean of the first 7 days with a
 * score from the therapy start, the dashboard's definition) against the mean of the latest 7 days with a score
 * after the baseline days. The clinically important change is a fall of 2 points or 30% of the baseline
 * (walking-plans.md "Expected course", Ostelo 2008), tested in whole numbers as the dashboard does; a rise of 2
 * points or more is an important worsening; a latest mean of 0 is "recovered".
 *
 * @param verdict null when there are too few scores: fewer than {@value #MIN_DAYS} days in either window
 */
record PainCourse(int baselineSum, int baselineDays, LocalDate baselineFrom, int recentSum, int recentDays,
                  LocalDate recentTo, int scoredDays, Verdict verdict) {

    static final int WINDOW = 7;
    static final int MIN_DAYS = 3;

    enum Verdict { IMPORTANT_IMPROVEMENT, RECOVERED, SMALL_IMPROVEMENT, UNCHANGED, SMALL_WORSENING, IMPORTANT_WORSENING }

    static PainCourse of(LocalDate therapyStart, List<DayValue> daily) {
        List<DayValue> scored = therapyStart == null ? List.of()
                : daily.stream().filter(d -> !d.date().isBefore(therapyStart)).toList();
        List<DayValue> baseline = scored.subList(0, Math.min(WINDOW, scored.size()));
        List<DayValue> after = scored.subList(baseline.size(), scored.size());
        List<DayValue> recent = after.subList(Math.max(0, after.size() - WINDOW), after.size());
        int baseSum = baseline.stream().mapToInt(DayValue::value).sum();
        int recentSum = recent.stream().mapToInt(DayValue::value).sum();
        Verdict verdict = baseline.size() < MIN_DAYS || recent.size() < MIN_DAYS ? null
                : verdict(baseSum, baseline.size(), recentSum, recent.size());
        return new PainCourse(baseSum, baseline.size(), baseline.isEmpty() ? null : baseline.getFirst().date(),
                recentSum, recent.size(), recent.isEmpty() ? null : recent.getLast().date(), scored.size(), verdict);
    }

    static Verdict verdict(long baseSum, long baseDays, long recentSum, long recentDays) {
        long scaledImprovement = baseSum * recentDays - recentSum * baseDays; // (B - X) * n * m
        if (recentSum == 0 && baseSum > 0) {
            return Verdict.RECOVERED;
        }
        if (scaledImprovement > 0 && (scaledImprovement >= 2 * baseDays * recentDays
                || 10 * scaledImprovement >= 3 * baseSum * recentDays)) {
            return Verdict.IMPORTANT_IMPROVEMENT;
        }
        if (-scaledImprovement >= 2 * baseDays * recentDays) {
            return Verdict.IMPORTANT_WORSENING;
        }
        // Within half a point either way reads as unchanged: 2|B - X| < 1.
        if (2 * Math.abs(scaledImprovement) < baseDays * recentDays) {
            return Verdict.UNCHANGED;
        }
        return scaledImprovement > 0 ? Verdict.SMALL_IMPROVEMENT : Verdict.SMALL_WORSENING;
    }

    Double baseline() {
        return baselineDays == 0 ? null : (double) baselineSum / baselineDays;
    }

    Double recent() {
        return recentDays == 0 ? null : (double) recentSum / recentDays;
    }

    /** The pain below which the change is clinically important: baseline less 2 points or 30%, whichever is less. */
    Double importantThreshold() {
        Double b = baseline();
        return b == null ? null : b - Math.min(2.0, 0.3 * b);
    }

    /** The plain-words sentence of the report: "Pain fell from 5.9 to 3.0 over 8 weeks, a clinically important improvement." */
    String sentence() {
        if (verdict == null) {
            return "Too few pain scores yet to judge a change: " + scoredDays + (scoredDays == 1 ? " day" : " days")
                    + " with a score, and the report compares the first " + WINDOW + " with the latest " + WINDOW
                    + " (at least " + MIN_DAYS + " in each).";
        }
        String from = one(baseline());
        String to = one(recent());
        String over = " over " + span();
        return switch (verdict) {
            case RECOVERED -> "Pain fell from " + from + " to 0" + over + ": the patient reports no pain (recovered).";
            case IMPORTANT_IMPROVEMENT -> "Pain fell from " + from + " to " + to + over
                    + ", a clinically important improvement.";
            case SMALL_IMPROVEMENT -> "Pain fell from " + from + " to " + to + over
                    + ", less than a clinically important change (2 points or 30%).";
            case UNCHANGED -> "Pain is about the same" + over + ": " + from + " at baseline, " + to + " recently.";
            case SMALL_WORSENING -> "Pain rose from " + from + " to " + to + over
                    + ", less than a clinically important change (2 points).";
            case IMPORTANT_WORSENING -> "Pain rose from " + from + " to " + to + over
                    + ", a clinically important worsening.";
        };
    }

    /** "8 weeks" or "10 days": from the first baseline day to the latest scored day. */
    String span() {
        long days = ChronoUnit.DAYS.between(baselineFrom, recentTo) + 1;
        if (days < 14) {
            return days + (days == 1 ? " day" : " days");
        }
        long weeks = Math.round(days / 7.0);
        return weeks + " weeks";
    }

    static String one(Double value) {
        return value == null ? "-" : String.format(Locale.UK, "%.1f", value);
    }
}
