package com.walkrx.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scoring and the important improvement of each instrument, one row per case, boundaries included. */
class ScoringTest {

    @ParameterizedTest(name = "{0} scores {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5 4 4   | 4.3
            4 4 5   | 4.3
            5 5 4   | 4.7
            0 0 0   | 0.0
            10 10 10| 10.0
            6 6 6   | 6.0
            1 2     | 1.5
            3 5 6   | 4.7
            1 1 1 2 | 1.3
            1 1 2 2 3 | 1.8
            """)
    void a_mean_is_kept_to_one_decimal_half_up(String answers, String score) {
        List<Integer> values = Arrays.stream(answers.trim().split("\\s+")).map(Integer::valueOf).toList();
        assertThat(Scoring.mean(values)).isEqualByComparingTo(score);
        assertThat(Scoring.mean(values).scale()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2} important improvement {3}")
    @CsvSource(delimiter = '|', textBlock = """
            PEG  | 6.0 | 4.0  | true
            PEG  | 6.0 | 4.2  | true
            PEG  | 6.0 | 4.3  | false
            PEG  | 6.0 | 6.0  | false
            PEG  | 6.0 | 7.0  | false
            PEG  | 10.0| 7.0  | true
            PEG  | 10.0| 7.1  | false
            PEG  | 3.3 | 2.3  | true
            PEG  | 3.3 | 2.4  | false
            PEG  | 0.0 | 0.0  | false
            PSFS | 3.0 | 5.0  | true
            PSFS | 3.0 | 4.9  | false
            PSFS | 3.3 | 5.3  | true
            PSFS | 3.3 | 5.2  | false
            PSFS | 8.0 | 10.0 | true
            PSFS | 5.0 | 3.0  | false
            GROC |     | 4.0  | true
            GROC |     | 3.0  | false
            GROC |     | 7.0  | true
            GROC |     | -7.0 | false
            """)
    void the_important_improvement_of_each_instrument(Instrument instrument, BigDecimal baseline, BigDecimal score,
                                                      boolean improved) {
        assertThat(Scoring.importantImprovement(instrument, baseline, score)).isEqualTo(improved);
    }

    @ParameterizedTest(name = "PEG answers {1} against a baseline of {0}: improvement {2}")
    @CsvSource(delimiter = '|', textBlock = """
            6 6 6 | 4 4 4 | true
            6 6 6 | 5 4 4 | false
            6 6 6 | 4 4 5 | false
            6 6 6 | 4 4 4 | true
            6 6 6 | 3 5 4 | true
            """)
    void peg_improvement_is_decided_on_the_rounded_scores(String baselineAnswers, String answers, boolean improved) {
        BigDecimal baseline = Scoring.score(Instrument.PEG, ints(baselineAnswers));
        BigDecimal score = Scoring.score(Instrument.PEG, ints(answers));
        assertThat(Scoring.importantImprovement(Instrument.PEG, baseline, score)).isEqualTo(improved);
    }

    @ParameterizedTest(name = "{0} threshold from {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            PEG  | 6.0 | 4.2
            PEG  | 4.3 | 3.01
            PSFS | 3.3 | 5.3
            GROC |     | 4
            """)
    void the_threshold_drawn_on_the_chart(Instrument instrument, BigDecimal baseline, BigDecimal threshold) {
        assertThat(Scoring.threshold(instrument, baseline)).isEqualByComparingTo(threshold);
    }

    private static List<Integer> ints(String s) {
        return Arrays.stream(s.trim().split("\\s+")).map(Integer::valueOf).toList();
    }
}
