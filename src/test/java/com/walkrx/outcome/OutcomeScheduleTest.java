package com.walkrx.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.outcome.OutcomeSchedule.Occurrence;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The questionnaire schedule and statuses, counted in days from the plan's start (2027-03-01). */
class OutcomeScheduleTest {

    static final LocalDate START = LocalDate.of(2027, 3, 1);

    private static String due(int today, Integer endedDay) {
        List<Occurrence> all = OutcomeSchedule.occurrences(START, endedDay == null ? null : START.plusDays(endedDay),
                START.plusDays(today));
        return String.join(" ", all.stream()
                .map(o -> o.instrument() + "@" + (o.dueDate().toEpochDay() - START.toEpochDay())).toList());
    }

    @ParameterizedTest(name = "day {0}, ended {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            0  | -  | PEG@0 PSFS@0
            6  | -  | PEG@0 PSFS@0
            7  | -  | PEG@0 PSFS@0 PEG@7
            13 | -  | PEG@0 PSFS@0 PEG@7
            14 | -  | PEG@0 PSFS@0 PEG@14 PSFS@14 PEG@7
            41 | -  | PEG@0 PSFS@0 PEG@14 PSFS@14 PEG@21 PEG@28 PSFS@28 PEG@35 PEG@7
            42 | -  | PEG@0 PSFS@0 PEG@14 PSFS@14 PEG@21 PEG@28 PSFS@28 PEG@35 GROC@42 PEG@42 PSFS@42 PEG@7
            -1 | -  |
            20 | 20 | PEG@0 PSFS@0 PEG@14 PSFS@14 GROC@20 PEG@7
            20 | 14 | PEG@0 PSFS@0 GROC@14 PEG@7
            10 | 0  |
            90 | 84 | PEG@0 PSFS@0 PEG@14 PSFS@14 PEG@21 PEG@28 PSFS@28 PEG@35 GROC@42 PEG@42 PSFS@42 PEG@49 PEG@56 PSFS@56 PEG@63 PEG@7 PEG@70 PSFS@70 PEG@77 GROC@84
            """)
    void questionnaires_fall_due_from_the_start_date(int today, Integer endedDay, String expected) {
        String got = due(today, endedDay);
        // compare as sets of tokens: the order within a day is by instrument
        assertThat(List.of(got.isBlank() ? new String[0] : got.split(" ")))
                .containsExactlyInAnyOrderElementsOf(List.of(expected == null ? new String[0] : expected.split(" ")));
    }

    @Test
    void week_12_is_due_on_day_84_and_the_plan_end_review_comes_on_the_end_day() {
        List<Occurrence> live = OutcomeSchedule.occurrences(START, null, START.plusDays(84));
        assertThat(live).filteredOn(o -> o.instrument() == Instrument.GROC).extracting(Occurrence::occasion)
                .containsExactly(Occasion.WEEK_6, Occasion.WEEK_12);
        List<Occurrence> ended = OutcomeSchedule.occurrences(START, START.plusDays(50), START.plusDays(60));
        assertThat(ended).filteredOn(o -> o.instrument() == Instrument.GROC).extracting(Occurrence::occasion)
                .containsExactly(Occasion.WEEK_6, Occasion.PLAN_END);
        assertThat(live.getFirst().occasion()).isEqualTo(Occasion.BASELINE);
    }

    @ParameterizedTest(name = "{0} due day {1}, answered {2}, next {3}, plan ended {4}, today {5}: {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            PEG  | 0  | false | -  | -  | 0  | DUE
            PEG  | 0  | false | -  | -  | 3  | DUE
            PEG  | 0  | false | -  | -  | 4  | OVERDUE
            PEG  | 0  | false | -  | -  | 6  | OVERDUE
            PEG  | 0  | false | 7  | -  | 7  | MISSED
            PEG  | 0  | false | 7  | -  | 6  | OVERDUE
            PEG  | 0  | true  | 7  | -  | 9  | ANSWERED
            PSFS | 14 | false | -  | -  | 27 | OVERDUE
            PSFS | 14 | false | 28 | -  | 28 | MISSED
            GROC | 42 | false | -  | -  | 45 | DUE
            GROC | 42 | false | -  | -  | 46 | OVERDUE
            GROC | 42 | false | -  | -  | 83 | OVERDUE
            GROC | 42 | false | 84 | -  | 84 | MISSED
            PEG  | 14 | false | -  | 16 | 16 | MISSED
            GROC | 16 | false | -  | 16 | 16 | DUE
            GROC | 16 | false | -  | 16 | 19 | DUE
            GROC | 16 | false | -  | 16 | 20 | OVERDUE
            GROC | 16 | false | -  | 16 | 30 | OVERDUE
            GROC | 16 | false | -  | 16 | 31 | MISSED
            GROC | 42 | false | -  | 50 | 50 | MISSED
            """)
    void a_questionnaire_is_overdue_after_3_days_and_a_missed_one_is_not_made_up(
            Instrument instrument, int dueDay, boolean answered, Integer nextDay, Integer endedDay, int today,
            QuestionnaireStatus expected) {
        assertThat(OutcomeSchedule.status(instrument, START.plusDays(dueDay), answered,
                nextDay == null ? null : START.plusDays(nextDay), endedDay == null ? null : START.plusDays(endedDay),
                START.plusDays(today))).isEqualTo(expected);
    }
}
