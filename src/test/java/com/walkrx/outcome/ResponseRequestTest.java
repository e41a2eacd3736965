package com.walkrx.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.outcome.ResponseRequest.Activity;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each invalid answer names its field as the API does. */
class ResponseRequestTest {

    private static List<String> fields(ResponseRequest r, Instrument i, List<String> baseline) {
        try {
            r.validate(i, baseline);
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
    }

    @Test
    void peg_names_each_missing_or_out_of_range_answer() {
        assertThat(fields(ResponseRequest.peg(11, -1, null), Instrument.PEG, null))
                .containsExactly("answers.pain", "answers.enjoyment", "answers.activity");
        assertThat(fields(ResponseRequest.peg(10, 0, 5), Instrument.PEG, null)).isEmpty();
        assertThat(fields(new ResponseRequest(null, null, null), Instrument.PEG, null)).containsExactly("answers");
        assertThat(fields(new ResponseRequest(new ResponseRequest.Answers(1, 1, 1, 3), null, null), Instrument.PEG,
                null)).containsExactly("answers.change");
    }

    @Test
    void groc_takes_minus_7_to_plus_7() {
        assertThat(fields(ResponseRequest.groc(-7), Instrument.GROC, null)).isEmpty();
        assertThat(fields(ResponseRequest.groc(7), Instrument.GROC, null)).isEmpty();
        assertThat(fields(ResponseRequest.groc(8), Instrument.GROC, null)).containsExactly("answers.change");
        assertThat(fields(ResponseRequest.groc(-8), Instrument.GROC, null)).containsExactly("answers.change");
        assertThat(fields(ResponseRequest.peg(1, 1, 1), Instrument.GROC, null))
                .containsExactly("answers.change", "answers.pain", "answers.enjoyment", "answers.activity");
    }

    @Test
    void psfs_baseline_names_3_to_5_activities() {
        assertThat(fields(ResponseRequest.psfsBaseline(activities(3)), Instrument.PSFS, null)).isEmpty();
        assertThat(fields(ResponseRequest.psfsBaseline(activities(5)), Instrument.PSFS, null)).isEmpty();
        assertThat(fields(ResponseRequest.psfsBaseline(activities(2)), Instrument.PSFS, null)).containsExactly("activities");
        assertThat(fields(ResponseRequest.psfsBaseline(activities(6)), Instrument.PSFS, null)).containsExactly("activities");
        assertThat(fields(ResponseRequest.psfsBaseline(List.of(new Activity("walking", 3), new Activity(" ", 4),
                new Activity("Walking", 11))), Instrument.PSFS, null))
                .containsExactly("activities[1].name", "activities[2].name", "activities[2].rating");
        assertThat(fields(ResponseRequest.psfsFollowUp(List.of(1, 2, 3)), Instrument.PSFS, null))
                .contains("ratings", "activities");
    }

    @Test
    void psfs_follow_up_rates_the_baseline_activities_in_order() {
        List<String> baseline = List.of("a", "b", "c");
        ResponseRequest.Valid v = ResponseRequest.psfsFollowUp(List.of(3, 5, 6)).validate(Instrument.PSFS, baseline);
        assertThat(v.asJson(Instrument.PSFS).toString()).isEqualTo(
                "{activities=[{name=a, rating=3}, {name=b, rating=5}, {name=c, rating=6}]}");
        assertThat(fields(ResponseRequest.psfsFollowUp(List.of(3, 5)), Instrument.PSFS, baseline))
                .containsExactly("ratings");
        assertThat(fields(ResponseRequest.psfsFollowUp(Arrays.asList(3, null, 11)), Instrument.PSFS, baseline))
                .containsExactly("ratings[1]", "ratings[2]");
        assertThat(fields(ResponseRequest.psfsBaseline(activities(3)), Instrument.PSFS, baseline))
                .containsExactly("activities", "ratings");
        assertThatThrownBy(() -> ResponseRequest.psfsFollowUp(List.of(-1, 0, 0)).validate(Instrument.PSFS, baseline))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ratings[0]");
    }

    private static List<Activity> activities(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> new Activity("activity " + i, i)).toList();
    }
}
