package com.walkrx.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.api.FieldProblem;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The enrolment rules, one row per case, boundaries included. */
class PatientRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final EnrolmentCommand VALID = new EnrolmentCommand("Ada", "Byrne", LocalDate.of(1961, 4, 2),
            Condition.SCIATICA, Acuity.CHRONIC, LocalDate.of(2026, 6, 1), null, null, null);

    static EnrolmentCommand with(String given, String family, LocalDate dob, Condition condition, Acuity acuity,
                                 LocalDate onset, LocalDate surgery, LocalDate clearance, String limits) {
        return new EnrolmentCommand(given, family, dob, condition, acuity, onset, surgery, clearance, limits);
    }

    static Stream<Arguments> enrolments() {
        EnrolmentCommand v = VALID;
        LocalDate dob = v.dateOfBirth();
        return Stream.of(
                Arguments.of("valid", v, null),
                Arguments.of("given name missing", with(null, "B", dob, v.condition(), v.acuity(), null, null, null, null), "givenName"),
                Arguments.of("given name blank", with("   ", "B", dob, v.condition(), v.acuity(), null, null, null, null), "givenName"),
                Arguments.of("given name 100 chars", with("a".repeat(100), "B", dob, v.condition(), v.acuity(), null, null, null, null), null),
                Arguments.of("given name 101 chars", with("a".repeat(101), "B", dob, v.condition(), v.acuity(), null, null, null, null), "givenName"),
                Arguments.of("family name 101 chars", with("A", "b".repeat(101), dob, v.condition(), v.acuity(), null, null, null, null), "familyName"),
                Arguments.of("family name missing", with("A", "", dob, v.condition(), v.acuity(), null, null, null, null), "familyName"),
                Arguments.of("name with a control character", with("A\u0007", "B", dob, v.condition(), v.acuity(), null, null, null, null), "givenName"),
                Arguments.of("date of birth missing", with("A", "B", null, v.condition(), v.acuity(), null, null, null, null), "dateOfBirth"),
                Arguments.of("born today", with("A", "B", TODAY, v.condition(), v.acuity(), null, null, null, null), "dateOfBirth"),
                Arguments.of("born tomorrow", with("A", "B", TODAY.plusDays(1), v.condition(), v.acuity(), null, null, null, null), "dateOfBirth"),
                Arguments.of("born yesterday", with("A", "B", TODAY.minusDays(1), v.condition(), v.acuity(), null, null, null, null), null),
                Arguments.of("born 120 years ago", with("A", "B", TODAY.minusYears(120), v.condition(), v.acuity(), null, null, null, null), null),
                Arguments.of("born 120 years and a day ago", with("A", "B", TODAY.minusYears(120).minusDays(1), v.condition(), v.acuity(), null, null, null, null), "dateOfBirth"),
                Arguments.of("condition missing", with("A", "B", dob, null, v.acuity(), null, null, null, null), "condition"),
                Arguments.of("acuity missing", with("A", "B", dob, v.condition(), null, null, null, null, null), "acuity"),
                Arguments.of("chronic without onset", with("A", "B", dob, v.condition(), Acuity.CHRONIC, null, null, null, null), null),
                Arguments.of("acute without onset", with("A", "B", dob, v.condition(), Acuity.ACUTE, null, null, null, null), "onsetDate"),
                Arguments.of("onset today", with("A", "B", dob, v.condition(), Acuity.ACUTE, TODAY, null, null, null), null),
                Arguments.of("onset tomorrow", with("A", "B", dob, v.condition(), Acuity.ACUTE, TODAY.plusDays(1), null, null, null), "onsetDate"),
                Arguments.of("onset before birth", with("A", "B", dob, v.condition(), Acuity.CHRONIC, dob.minusDays(1), null, null, null), "onsetDate"),
                Arguments.of("surgery today", with("A", "B", dob, v.condition(), v.acuity(), null, TODAY, null, null), null),
                Arguments.of("surgery tomorrow", with("A", "B", dob, v.condition(), v.acuity(), null, TODAY.plusDays(1), null, null), "surgeryDate"),
                Arguments.of("clearance on surgery day", with("A", "B", dob, v.condition(), v.acuity(), null, TODAY.minusDays(10), TODAY.minusDays(10), "no hills"), null),
                Arguments.of("clearance a day before surgery", with("A", "B", dob, v.condition(), v.acuity(), null, TODAY.minusDays(10), TODAY.minusDays(11), null), "surgeonClearanceDate"),
                Arguments.of("clearance tomorrow", with("A", "B", dob, v.condition(), v.acuity(), null, TODAY.minusDays(10), TODAY.plusDays(1), null), "surgeonClearanceDate"),
                Arguments.of("clearance without surgery", with("A", "B", dob, v.condition(), v.acuity(), null, null, TODAY, null), "surgeonClearanceDate"),
                Arguments.of("limits without clearance", with("A", "B", dob, v.condition(), v.acuity(), null, TODAY.minusDays(3), null, "no hills"), "surgeonClearanceLimits"),
                Arguments.of("limits of 500 chars", with("A", "B", dob, v.condition(), v.acuity(), null, TODAY.minusDays(3), TODAY, "x".repeat(500)), null),
                Arguments.of("limits of 501 chars", with("A", "B", dob, v.condition(), v.acuity(), null, TODAY.minusDays(3), TODAY, "x".repeat(501)), "surgeonClearanceLimits"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enrolments")
    void each_enrolment_rule_names_its_field(String name, EnrolmentCommand command, String badField) {
        List<FieldProblem> problems = PatientRules.enrolment(command, TODAY);
        if (badField == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).extracting(FieldProblem::field).containsExactly(badField);
        }
    }

    @Test
    void an_empty_enrolment_names_every_required_field() {
        List<FieldProblem> problems = PatientRules.enrolment(
                new EnrolmentCommand(null, null, null, null, null, null, null, null, null), TODAY);
        assertThat(problems).extracting(FieldProblem::field)
                .containsExactly("givenName", "familyName", "dateOfBirth", "condition", "acuity");
    }

    static Stream<Arguments> clearances() {
        LocalDate surgery = TODAY.minusWeeks(3);
        return Stream.of(
                Arguments.of("on the surgery day", surgery, "ok", surgery, null),
                Arguments.of("today", TODAY, null, surgery, null),
                Arguments.of("the day before surgery", surgery.minusDays(1), null, surgery, "date"),
                Arguments.of("tomorrow", TODAY.plusDays(1), null, surgery, "date"),
                Arguments.of("no date", null, null, surgery, "date"),
                Arguments.of("no surgery on record", TODAY, null, null, "date"),
                Arguments.of("limits of 501 chars", TODAY, "x".repeat(501), surgery, "limits"));
    }

    @ParameterizedTest(name = "clearance {0}")
    @MethodSource("clearances")
    void clearance_rules(String name, LocalDate date, String limits, LocalDate surgery, String badField) {
        List<FieldProblem> problems = PatientRules.clearance(date, limits, surgery, TODAY);
        if (badField == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).extracting(FieldProblem::field).containsExactly(badField);
        }
    }
}
