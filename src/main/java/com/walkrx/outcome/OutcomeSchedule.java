package com.walkrx.outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The questionnaire schedule (product rule), counted from the plan's start date: PEG and PSFS are due on the
 * start date (baseline), then PEG every 7 days and PSFS every 14 days while the plan is active or paused; GROC at
 * week 6, at week 12 and on the day the plan ends. A questionnaire is OVERDUE more than 3 days after its due
 * date. A missed one is not made up: it lapses when the next one of its instrument falls due, or when its plan
 * ends (the end-of-plan GROC stays open for {@value #END_REVIEW_OPEN_DAYS} days after the end).
 */
public final class OutcomeSchedule {

    public static final int PEG_EVERY_DAYS = 7;
    public static final int PSFS_EVERY_DAYS = 14;
    public static final int GROC_WEEK_6_DAY = 42;
    public static final int GROC_WEEK_12_DAY = 84;
    /** Due more than this many days ago and unanswered: OVERDUE. */
    public static final int OVERDUE_AFTER_DAYS = 3;
    /** How long the end-of-plan GROC stays open. */
    public static final int END_REVIEW_OPEN_DAYS = 14;

    private OutcomeSchedule() {
    }

    /** One questionnaire the schedule makes due. */
    public record Occurrence(Instrument instrument, Occasion occasion, LocalDate dueDate) {
    }

    /**
     * Every questionnaire a plan has made due up to {@code today}, in date order.
     *
     * @param endedOn the day the plan ended (clinic's date), null while it is active or paused
     */
    public static List<Occurrence> occurrences(LocalDate start, LocalDate endedOn, LocalDate today) {
        List<Occurrence> result = new ArrayList<>();
        if (endedOn != null && !endedOn.isAfter(start)) {
            return result; // ended before or on the day it started: nothing to measure
        }
        // PEG and PSFS fall due while the plan runs: before its end day, up to today
        LocalDate lastRunning = endedOn == null ? today : min(today, endedOn.minusDays(1));
        for (LocalDate d = start; !d.isAfter(lastRunning); d = d.plusDays(PEG_EVERY_DAYS)) {
            result.add(new Occurrence(Instrument.PEG, d.equals(start) ? Occasion.BASELINE : Occasion.FOLLOW_UP, d));
        }
        for (LocalDate d = start; !d.isAfter(lastRunning); d = d.plusDays(PSFS_EVERY_DAYS)) {
            result.add(new Occurrence(Instrument.PSFS, d.equals(start) ? Occasion.BASELINE : Occasion.FOLLOW_UP, d));
        }
        LocalDate week6 = start.plusDays(GROC_WEEK_6_DAY);
        LocalDate week12 = start.plusDays(GROC_WEEK_12_DAY);
        if (!week6.isAfter(lastRunning)) {
            result.add(new Occurrence(Instrument.GROC, Occasion.WEEK_6, week6));
        }
        if (!week12.isAfter(lastRunning)) {
            result.add(new Occurrence(Instrument.GROC, Occasion.WEEK_12, week12));
        }
        if (endedOn != null && !endedOn.isAfter(today)) {
            result.add(new Occurrence(Instrument.GROC, Occasion.PLAN_END, endedOn));
        }
        result.sort(java.util.Comparator.comparing(Occurrence::dueDate).thenComparing(Occurrence::instrument));
        return result;
    }

    /**
     * Where a questionnaire stands today.
     *
     * @param nextDue     the due date of the next questionnaire of the same instrument that is due by today, or null
     * @param planEndedOn the day its plan ended, null while the plan is active or paused
     */
    public static QuestionnaireStatus status(Instrument instrument, LocalDate dueDate, boolean answered,
                                             LocalDate nextDue, LocalDate planEndedOn, LocalDate today) {
        if (answered) {
            return QuestionnaireStatus.ANSWERED;
        }
        if (nextDue != null && !nextDue.isAfter(today)) {
            return QuestionnaireStatus.MISSED;
        }
        if (planEndedOn != null) {
            boolean endReview = instrument == Instrument.GROC && !dueDate.isBefore(planEndedOn);
            if (!endReview || today.isAfter(dueDate.plusDays(END_REVIEW_OPEN_DAYS))) {
                return QuestionnaireStatus.MISSED;
            }
        }
        return today.isAfter(dueDate.plusDays(OVERDUE_AFTER_DAYS)) ? QuestionnaireStatus.OVERDUE
                : QuestionnaireStatus.DUE;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
