package com.walkrx.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.dashboard.PainChange;
import com.walkrx.report.EpisodeReader.DayValue;
import com.walkrx.report.PainCourse.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The report's verdict on the pain course and its sentence, boundaries included. */
class PainCourseTest {

    static final LocalDate START = LocalDate.of(2026, 10, 1);

    /** Baseline days from START, then later days from day 50 on. */
    static List<DayValue> days(int[] base, int[] recent) {
        List<DayValue> days = new ArrayList<>();
        for (int i = 0; i < base.length; i++) {
            days.add(new DayValue(START.plusDays(i), base[i]));
        }
        for (int i = 0; i < recent.length; i++) {
            days.add(new DayValue(START.plusDays(49 + i), recent[i]));
        }
        return days;
    }

    static int[] all(int value, int n) {
        return IntStream.range(0, n).map(i -> value).toArray();
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                // baseline, recent, verdict
                Arguments.of(all(6, 7), all(4, 7), Verdict.IMPORTANT_IMPROVEMENT),   // exactly 2 points
                Arguments.of(all(6, 7), all(5, 7), Verdict.SMALL_IMPROVEMENT),       // 1 point, 17%
                Arguments.of(all(3, 7), all(2, 7), Verdict.IMPORTANT_IMPROVEMENT),   // 1 point but 33%
                Arguments.of(all(10, 7), all(7, 7), Verdict.IMPORTANT_IMPROVEMENT),  // 3 points, 30% exactly
                Arguments.of(new int[] {7, 7, 7, 7, 7, 7, 6}, all(6, 7), Verdict.SMALL_IMPROVEMENT), // 0.857 points
                Arguments.of(all(5, 7), all(5, 7), Verdict.UNCHANGED),
                Arguments.of(new int[] {5, 5, 5, 5, 5, 5, 4}, new int[] {5, 5, 5, 5, 5, 4, 4}, Verdict.UNCHANGED),
                Arguments.of(all(4, 7), all(6, 7), Verdict.IMPORTANT_WORSENING),     // exactly +2
                Arguments.of(all(4, 7), new int[] {5, 5, 5, 5, 5, 5, 6}, Verdict.SMALL_WORSENING),
                Arguments.of(all(3, 7), all(0, 7), Verdict.RECOVERED));
    }

    @ParameterizedTest
    @MethodSource("verdicts")
    void the_verdict_follows_the_important_change_of_2_points_or_30_percent(int[] base, int[] recent, Verdict expected) {
        PainCourse course = PainCourse.of(START, days(base, recent));
        assertThat(course.verdict()).isEqualTo(expected);
    }

    @Test
    void the_important_improvement_agrees_with_the_dashboards_rule_on_every_whole_mean() {
        for (int baseSum = 0; baseSum <= 70; baseSum++) {
            for (int recentSum = 0; recentSum <= 70; recentSum++) {
                Verdict v = PainCourse.verdict(baseSum, 7, recentSum, 7);
                boolean important = v == Verdict.IMPORTANT_IMPROVEMENT || v == Verdict.RECOVERED;
                assertThat(important).as(baseSum + "/7 -> " + recentSum + "/7")
                        .isEqualTo(PainChange.reachesClinicallyImportantChange(baseSum, 7, recentSum, 7));
            }
        }
    }

    @Test
    void the_sentence_says_how_pain_went_in_plain_words() {
        int[] base = {6, 6, 6, 6, 6, 6, 5};  // 5.857 -> "5.9"
        assertThat(PainCourse.of(START, days(base, all(3, 7))).sentence())
                .isEqualTo("Pain fell from 5.9 to 3.0 over 8 weeks, a clinically important improvement.");
        assertThat(PainCourse.of(START, days(all(6, 7), all(5, 7))).sentence())
                .isEqualTo("Pain fell from 6.0 to 5.0 over 8 weeks, less than a clinically important change (2 points or 30%).");
        assertThat(PainCourse.of(START, days(all(5, 7), all(5, 7))).sentence())
                .isEqualTo("Pain is about the same over 8 weeks: 5.0 at baseline, 5.0 recently.");
        assertThat(PainCourse.of(START, days(all(4, 7), all(7, 7))).sentence())
                .isEqualTo("Pain rose from 4.0 to 7.0 over 8 weeks, a clinically important worsening.");
        assertThat(PainCourse.of(START, days(all(4, 7), all(5, 7))).sentence())
                .isEqualTo("Pain rose from 4.0 to 5.0 over 8 weeks, less than a clinically important change (2 points).");
        assertThat(PainCourse.of(START, days(all(3, 7), all(0, 7))).sentence())
                .isEqualTo("Pain fell from 3.0 to 0 over 8 weeks: the patient reports no pain (recovered).");
    }

    @Test
    void too_few_scores_say_so_instead_of_a_change() {
        // 9 scored days: the baseline takes 7, leaving 2 after it (fewer than 3)
        List<DayValue> nine = days(all(6, 7), all(2, 2));
        PainCourse course = PainCourse.of(START, nine);
        assertThat(course.verdict()).isNull();
        assertThat(course.sentence()).startsWith("Too few pain scores yet to judge a change: 9 days with a score");
        assertThat(PainCourse.of(START, List.of()).sentence()).startsWith("Too few pain scores yet to judge a change: 0 days");
        assertThat(PainCourse.of(null, nine).verdict()).isNull();
    }

    @Test
    void scores_before_the_therapy_start_are_not_the_baseline_and_a_short_course_is_counted_in_days() {
        List<DayValue> days = new ArrayList<>();
        days.add(new DayValue(START.minusDays(3), 9));
        for (int i = 0; i < 10; i++) {
            days.add(new DayValue(START.plusDays(i), i < 7 ? 6 : 3));
        }
        PainCourse course = PainCourse.of(START, days);
        assertThat(course.baseline()).isEqualTo(6.0);
        assertThat(course.recent()).isEqualTo(3.0);
        assertThat(course.importantThreshold()).isEqualTo(4.2);
        assertThat(course.sentence()).isEqualTo("Pain fell from 6.0 to 3.0 over 10 days, a clinically important improvement.");
    }
}
