package com.walkrx.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Activation codes are easy to read and type, and never stored in clear text. */
class ActivationCodesTest {

    private final ActivationCodes codes = new ActivationCodes(null, java.time.Clock.systemUTC());

    @Test
    void codes_are_twelve_characters_without_look_alikes_and_do_not_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = codes.generate();
            assertThat(code).hasSize(12).matches("[A-HJKMNP-Z2-9]{12}");
            seen.add(code);
        }
        assertThat(seen).hasSize(2000);
        assertThat(ActivationCodes.ALPHABET).doesNotContain("I", "L", "O", "0", "1");
    }

    @ParameterizedTest
    @CsvSource({
            "K7QX-3MPA-9TRW, K7QX3MPA9TRW",
            "k7qx 3mpa 9trw, K7QX3MPA9TRW",
            "' K7QX3MPA9TRW ', K7QX3MPA9TRW",
    })
    void what_the_patient_types_is_normalised(String typed, String normalised) {
        assertThat(ActivationCodes.normalise(typed)).isEqualTo(normalised);
        assertThat(ActivationCodes.hash(ActivationCodes.normalise(typed))).hasSize(64).doesNotContain(normalised);
    }

    @Test
    void codes_are_shown_in_groups_of_four() {
        assertThat(ActivationCodes.display("K7QX3MPA9TRW")).isEqualTo("K7QX-3MPA-9TRW");
    }
}
