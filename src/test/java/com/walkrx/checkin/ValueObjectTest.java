package com.walkrx.checkin;

import com.walkrx.base.clinical.SymptomLevel;
import com.walkrx.base.clinical.Surface;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid pain scores, walk lengths and step counts cannot exist in memory. */
class ValueObjectTest {

    static Stream<Arguments> boundaries() {
        IntFunction<Object> pain = PainScore::new;
        IntFunction<Object> minutes = WalkMinutes::new;
        IntFunction<Object> steps = StepCount::new;
        return Stream.of(
                Arguments.of("pain", pain, -1, false),
                Arguments.of("pain", pain, 0, true),
                Arguments.of("pain", pain, 10, true),
                Arguments.of("pain", pain, 11, false),
                Arguments.of("minutes", minutes, 0, false),
                Arguments.of("minutes", minutes, 1, true),
                Arguments.of("minutes", minutes, 300, true),
                Arguments.of("minutes", minutes, 301, false),
                Arguments.of("steps", steps, -1, false),
                Arguments.of("steps", steps, 0, true),
                Arguments.of("steps", steps, 100_000, true),
                Arguments.of("steps", steps, 100_001, false));
    }

    @ParameterizedTest(name = "{0} {2} valid: {3}")
    @MethodSource("boundaries")
    void a_value_outside_its_range_cannot_be_made(String what, IntFunction<Object> make, int value, boolean valid) {
        if (valid) {
            assertThat(make.apply(value)).isNotNull();
        } else {
            assertThatIllegalArgumentException().isThrownBy(() -> make.apply(value)).withMessageStartingWith("must be between");
        }
    }

    @Test
    void value_objects_compare_by_value() {
        assertThat(PainScore.of(4)).isEqualTo(new PainScore(4));
        assertThat(WalkMinutes.of(10)).isNotEqualTo(WalkMinutes.of(11));
    }

    @Test
    void a_walk_needs_minutes_surface_and_both_pain_scores() {
        assertThatNullPointerException().isThrownBy(() -> new WalkEntry(null, Surface.FLAT, PainScore.of(1),
                PainScore.of(1), false, null));
        assertThatNullPointerException().isThrownBy(() -> new WalkEntry(WalkMinutes.of(5), null, PainScore.of(1),
                PainScore.of(1), false, null));
        assertThat(WalkEntry.of(10, Surface.HILL, 3, 5, true).steps()).isNull();
    }

    @Test
    void symptoms_need_both_levels_and_know_when_all_is_clear() {
        assertThatNullPointerException().isThrownBy(() -> new Symptoms(null, SymptomLevel.NONE, false, false, false,
                false, false, false));
        assertThat(Symptoms.noneReported().allClear()).isTrue();
        assertThat(new Symptoms(SymptomLevel.NONE, SymptomLevel.NONE, false, false, false, true, false, false)
                .allClear()).isFalse();
    }
}
