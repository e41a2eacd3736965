package com.walkrx.checkin;

import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A valid check-in, ready to store: walks only, symptoms only, or both (API.md). Every value is already a
 * validated value object; {@code overallPain}, {@code steps}, {@code symptoms} and {@code notes} may be null.
 * Whether the date lies in the allowed window depends on the clinic's today and is checked when recording.
 */
public record CheckInCommand(LocalDate date, PainScore overallPain, StepCount steps, List<WalkEntry> walks,
                             Symptoms symptoms, String notes) {

    public CheckInCommand {
        walks = walks == null ? List.of() : List.copyOf(walks);
        notes = notes == null || notes.isBlank() ? null : notes;
        List<FieldProblem> problems = new ArrayList<>();
        if (date == null) {
            problems.add(new FieldProblem("date", "is required"));
        }
        problems.addAll(CheckInRules.shapeProblems(!walks.isEmpty(), symptoms != null, overallPain != null, notes));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** A check-in of walks only. */
    public static CheckInCommand walks(LocalDate date, WalkEntry... walks) {
        return new CheckInCommand(date, null, null, List.of(walks), null, null);
    }
}
