package com.walkrx.checkin;

import com.walkrx.base.clinical.SymptomLevel;
import com.walkrx.base.clinical.Surface;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.WholeNumber;
import com.walkrx.base.api.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A check-in as it arrives from the API or the form, before validation: any value may be missing or out of
 * range. {@link #toCommand} turns it into a {@link CheckInCommand} or names every bad field as the API does
 * ({@code walks[0].painAfter}).
 */
public record CheckInRequest(@JsonDeserialize(using = IsoDate.class) LocalDate date,
                             @JsonDeserialize(using = WholeNumber.class) Integer overallPain,
                             @JsonDeserialize(using = WholeNumber.class) Integer steps,
                             List<WalkRequest> walks,
                             SymptomsRequest symptoms,
                             String notes) {

    /** One walk, before validation. */
    public record WalkRequest(@JsonDeserialize(using = WholeNumber.class) Integer minutes,
                              String surface,
                              @JsonDeserialize(using = WholeNumber.class) Integer painBefore,
                              @JsonDeserialize(using = WholeNumber.class) Integer painAfter,
                              Boolean sharpPain,
                              @JsonDeserialize(using = WholeNumber.class) Integer steps) {

        WalkEntry toEntry(String path, List<FieldProblem> problems) {
            int before = problems.size();
            WalkMinutes m = required(problems, path + ".minutes", minutes, WalkMinutes::new);
            Surface s = requiredEnum(problems, path + ".surface", surface, Surface.class);
            PainScore pb = required(problems, path + ".painBefore", painBefore, PainScore::new);
            PainScore pa = required(problems, path + ".painAfter", painAfter, PainScore::new);
            if (sharpPain == null) {
                problems.add(new FieldProblem(path + ".sharpPain", "is required"));
            }
            StepCount st = optional(problems, path + ".steps", steps, StepCount::new);
            return problems.size() == before ? new WalkEntry(m, s, pb, pa, sharpPain, st) : null;
        }
    }

    /** The eight symptom answers, before validation; all are required when symptoms are sent. */
    public record SymptomsRequest(String numbnessTingling, String legWeakness, Boolean bothLegs,
                                  Boolean saddleNumbness, Boolean bladderBowelProblems, Boolean fever,
                                  Boolean unexplainedWeightLoss, Boolean newInjuryOrFall) {

        /** The request form of validated symptoms, e.g. to send them again. */
        public static SymptomsRequest of(Symptoms s) {
            return new SymptomsRequest(s.numbnessTingling().name(), s.legWeakness().name(), s.bothLegs(),
                    s.saddleNumbness(), s.bladderBowelProblems(), s.fever(), s.unexplainedWeightLoss(),
                    s.newInjuryOrFall());
        }

        Symptoms toSymptoms(String path, List<FieldProblem> problems) {
            int before = problems.size();
            SymptomLevel numbness = requiredEnum(problems, path + ".numbnessTingling", numbnessTingling,
                    SymptomLevel.class);
            SymptomLevel weakness = requiredEnum(problems, path + ".legWeakness", legWeakness, SymptomLevel.class);
            requiredAnswer(problems, path + ".bothLegs", bothLegs);
            requiredAnswer(problems, path + ".saddleNumbness", saddleNumbness);
            requiredAnswer(problems, path + ".bladderBowelProblems", bladderBowelProblems);
            requiredAnswer(problems, path + ".fever", fever);
            requiredAnswer(problems, path + ".unexplainedWeightLoss", unexplainedWeightLoss);
            requiredAnswer(problems, path + ".newInjuryOrFall", newInjuryOrFall);
            return problems.size() == before
                    ? new Symptoms(numbness, weakness, bothLegs, saddleNumbness, bladderBowelProblems, fever,
                    unexplainedWeightLoss, newInjuryOrFall)
                    : null;
        }
    }

    /**
     * The validated command, with the date checked against the clinic's {@code today}; throws
     * {@link InvalidInputException} naming every invalid field, and nothing is stored.
     */
    public CheckInCommand toCommand(LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem dateProblem = CheckInRules.dateProblem(date, today);
        if (dateProblem != null) {
            problems.add(dateProblem);
        }
        PainScore pain = optional(problems, "overallPain", overallPain, PainScore::new);
        StepCount daySteps = optional(problems, "steps", steps, StepCount::new);
        List<WalkEntry> entries = new ArrayList<>();
        List<Integer> walkMinutes = new ArrayList<>();
        if (walks != null && walks.size() > CheckInRules.MAX_WALKS) {
            // Refused whole, without a problem for each of thousands of walks.
            problems.addAll(CheckInRules.plausibilityProblems(java.util.Collections.nCopies(walks.size(), null), 0));
        } else if (walks != null) {
            for (int i = 0; i < walks.size(); i++) {
                WalkRequest w = walks.get(i);
                String path = "walks[" + i + "]";
                if (w == null) {
                    problems.add(new FieldProblem(path, "is required"));
                    continue;
                }
                WalkEntry entry = w.toEntry(path, problems);
                walkMinutes.add(entry == null ? null : entry.minutes().value());
                if (entry != null) {
                    entries.add(entry);
                }
            }
            problems.addAll(CheckInRules.plausibilityProblems(walkMinutes, 0));
        }
        Symptoms answers = symptoms == null ? null : symptoms.toSymptoms("symptoms", problems);
        problems.addAll(CheckInRules.shapeProblems(walks != null && !walks.isEmpty(), symptoms != null,
                overallPain != null, notes));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CheckInCommand(date, pain, daySteps, entries, answers, notes);
    }

    private static <T> T required(List<FieldProblem> problems, String field, Integer raw, IntFunction<T> make) {
        if (raw == null) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        return optional(problems, field, raw, make);
    }

    private static <T> T optional(List<FieldProblem> problems, String field, Integer raw, IntFunction<T> make) {
        if (raw == null) {
            return null;
        }
        try {
            return make.apply(raw);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }

    private static <E extends Enum<E>> E requiredEnum(List<FieldProblem> problems, String field, String raw,
                                                      Class<E> type) {
        if (raw == null) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    private static void requiredAnswer(List<FieldProblem> problems, String field, Boolean raw) {
        if (raw == null) {
            problems.add(new FieldProblem(field, "is required"));
        }
    }
}
