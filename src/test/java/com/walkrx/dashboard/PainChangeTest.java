package com.walkrx.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The clinically important change (2 points or 30% of baseline), with exact boundaries. */
class PainChangeTest {

    @ParameterizedTest(name = "baseline {0}/{1}, latest {2} -> important {3}")
    @CsvSource({
            // sum, days, latest, important  (why)
            "42, 7, 4, true",   // baseline 6.0, improvement exactly 2.0
            "42, 7, 5, false",  // improvement 1.0 = 16.7%
            "30, 7, 3, true",   // baseline 4.29, improvement 1.29 = exactly 30%
            "30, 7, 4, false",  // improvement 0.29 = 6.7%
            "29, 7, 3, false",  // improvement 1.14 = 27.6%, just under 30%
            "31, 7, 3, true",   // improvement 1.43 = 32.3%
            "10, 1, 8, true",   // 2 points, only 20%
            "10, 1, 9, false",  // 1 point, 10%
            "3, 1, 2, true",    // 1 point, 33%
            "7, 7, 0, true",    // baseline 1, recovered
            "0, 1, 0, false",   // a baseline of 0 cannot improve
            "20, 2, 12, false", // worse
            "20, 2, 10, false"  // unchanged
    })
    void an_improvement_of_two_points_or_thirty_percent_is_clinically_important(int sum, int days, int latest,
                                                                                 boolean important) {
        assertThat(new PainChange(sum, days, latest).clinicallyImportant()).isEqualTo(important);
    }

    @ParameterizedTest(name = "baseline {0}/{1}, week mean {2}/{3} -> important {4}")
    @CsvSource({
            "42, 7, 8, 2, true",   // 6.0 -> 4.0
            "42, 7, 9, 2, false",  // 6.0 -> 4.5
            "30, 7, 6, 2, true",   // 4.29 -> 3.0, exactly 30%
            "35, 7, 7, 2, true",   // 5.0 -> 3.5, exactly 30%
            "35, 7, 8, 2, false"   // 5.0 -> 4.0, 20%
    })
    void a_weekly_mean_is_tested_against_the_baseline_in_whole_numbers(int sum, int days, int weekSum, int weekDays,
                                                                       boolean important) {
        assertThat(PainChange.reachesClinicallyImportantChange(sum, days, weekSum, weekDays)).isEqualTo(important);
    }

    @ParameterizedTest
    @CsvSource({"42, 7, 8, true", "42, 7, 7, false", "10, 2, 6, false", "10, 2, 7, true"})
    void a_rise_of_two_points_is_a_clinically_important_worsening(int sum, int days, int latest, boolean worse) {
        assertThat(new PainChange(sum, days, latest).clinicallyImportantWorsening()).isEqualTo(worse);
    }
}
