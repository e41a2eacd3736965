package com.walkrx.checkin;

import com.walkrx.base.clinical.Surface;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.checkin.CheckInRequest.SymptomsRequest;
import com.walkrx.checkin.CheckInRequest.WalkRequest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Turning raw input into a command: every bad field is named as the API names it, all at once. */
class CheckInRequestTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final WalkRequest WALK = new WalkRequest(10, "FLAT", 4, 3, false, null);

    static List<String> fields(CheckInRequest request) {
        try {
            request.toCommand(TODAY);
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
    }

    static Stream<Arguments> dates() {
        return Stream.of(
                Arguments.of(TODAY.plusDays(1), "date"),
                Arguments.of(TODAY, null),
                Arguments.of(TODAY.minusDays(7), null),
                Arguments.of(TODAY.minusDays(8), "date"),
                Arguments.of(null, "date"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("dates")
    void the_date_is_today_or_up_to_seven_days_back(LocalDate date, String problem) {
        List<String> fields = fields(new CheckInRequest(date, 3, null, null, null, null));
        assertThat(fields).isEqualTo(problem == null ? List.of() : List.of(problem));
    }

    @Test
    void problems_in_the_second_walk_and_the_symptoms_are_named_by_path() {
        CheckInRequest request = new CheckInRequest(TODAY, null, null,
                Arrays.asList(WALK, new WalkRequest(0, "SWAMP", null, 11, null, -5), null),
                new SymptomsRequest("NONE", null, false, false, false, false, false, null), "x".repeat(2001));
        assertThat(fields(request)).containsExactlyInAnyOrder("walks[1].minutes", "walks[1].surface",
                "walks[1].painBefore", "walks[1].painAfter", "walks[1].sharpPain", "walks[1].steps", "walks[2]",
                "symptoms.legWeakness", "symptoms.newInjuryOrFall", "notes");
    }

    @Test
    void a_valid_request_becomes_a_command_of_value_objects() {
        CheckInCommand command = new CheckInRequest(TODAY.minusDays(1), 4, 5400, List.of(WALK),
                SymptomsRequest.of(Symptoms.noneReported()), "  ").toCommand(TODAY);
        assertThat(command.overallPain()).isEqualTo(PainScore.of(4));
        assertThat(command.steps()).isEqualTo(StepCount.of(5400));
        assertThat(command.walks()).containsExactly(WalkEntry.of(10, Surface.FLAT, 4, 3, false));
        assertThat(command.symptoms()).isEqualTo(Symptoms.noneReported());
        assertThat(command.notes()).as("blank notes are no notes").isNull();
    }

    @Test
    void notes_count_characters_not_utf16_units() {
        String emoji = "\uD83D\uDEB6"; // one character, two UTF-16 units
        assertThat(fields(new CheckInRequest(TODAY, 3, null, null, null, emoji.repeat(2000)))).isEmpty();
        assertThat(fields(new CheckInRequest(TODAY, 3, null, null, null, emoji.repeat(2001)))).containsExactly("notes");
    }

    @Test
    void a_command_needs_something_to_report() {
        assertThatThrownBy(() -> new CheckInCommand(TODAY, null, StepCount.of(100), List.of(), null, "just steps"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(FieldProblem::field).containsExactly("body"));
        assertThat(CheckInCommand.walks(TODAY, WalkEntry.of(5, Surface.FLAT, 2, 2, false)).walks()).hasSize(1);
    }
}
