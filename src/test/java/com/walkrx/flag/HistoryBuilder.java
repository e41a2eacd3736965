package com.walkrx.flag;

import com.walkrx.plan.Template;
import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.flag.PatientHistory.Change;
import com.walkrx.flag.PatientHistory.CheckInFacts;
import com.walkrx.flag.PatientHistory.Symptoms;
import com.walkrx.flag.PatientHistory.WalkFacts;
import com.walkrx.plan.PlanControl.PlanState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds rule inputs in a few words: days are counted back from {@link #AS_OF} (0 = the evaluated date). */
final class HistoryBuilder {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 29);

    private final List<CheckInFacts> checkIns = new ArrayList<>();
    private long nextId = 1000;
    private LocalDate surgery;
    private LocalDate clearance;
    private PlanState plan;
    private LocalDate lastCheckIn;
    private Long current;

    static HistoryBuilder history() {
        return new HistoryBuilder();
    }

    static LocalDate daysAgo(int days) {
        return AS_OF.minusDays(days);
    }

    /** A check-in on a day, with optional overall pain, symptoms and walks ("3>5" = pain 3 before, 5 after; "!" sharp). */
    HistoryBuilder checkIn(int daysAgo, Integer pain, Symptoms symptoms, String... walks) {
        long id = nextId++;
        LocalDate date = daysAgo(daysAgo);
        List<WalkFacts> list = new ArrayList<>();
        for (int i = 0; i < walks.length; i++) {
            String w = walks[i].trim();
            boolean sharp = w.endsWith("!");
            String[] surfaceSplit = w.replace("!", "").split("@");
            String[] pains = surfaceSplit[0].split(">");
            String surface = surfaceSplit.length > 1 ? surfaceSplit[1] : "FLAT";
            list.add(new WalkFacts(id, date, i, 10, com.walkrx.base.clinical.Surface.valueOf(surface), Integer.parseInt(pains[0]), Integer.parseInt(pains[1]),
                    sharp));
        }
        checkIns.add(new CheckInFacts(id, date, pain, symptoms, list));
        return this;
    }

    /** One check-in per token "daysAgo:walk,walk" (walks as in {@link #checkIn}), in the order given. */
    HistoryBuilder walks(String spec) {
        for (String token : spec.trim().split("\\s+")) {
            String[] parts = token.split(":");
            checkIn(Integer.parseInt(parts[0]), null, null, parts[1].split(","));
        }
        return this;
    }

    /** One check-in per token "daysAgo:overallPain", in the order given. */
    HistoryBuilder pains(String spec) {
        for (String token : spec.trim().split("\\s+")) {
            String[] parts = token.split(":");
            checkIn(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), null);
        }
        return this;
    }

    HistoryBuilder surgery(Integer daysAgo, Integer clearedDaysAgo) {
        this.surgery = daysAgo == null ? null : daysAgo(daysAgo);
        this.clearance = clearedDaysAgo == null ? null : daysAgo(clearedDaysAgo);
        return this;
    }

    HistoryBuilder plan(String status, int startedDaysAgo, boolean override) {
        this.plan = status == null ? null
                : new PlanState(77, PlanStatus.valueOf(status), Template.STANDARD, 1, daysAgo(startedDaysAgo), override);
        return this;
    }

    HistoryBuilder lastCheckIn(Integer daysAgo) {
        this.lastCheckIn = daysAgo == null ? null : daysAgo(daysAgo);
        return this;
    }

    /** Evaluates the check-in with this id instead of the last one added. */
    HistoryBuilder evaluating(long checkInId) {
        this.current = checkInId;
        return this;
    }

    /** As the evaluation of the last check-in added (or the one named with {@link #evaluating}). */
    PatientHistory build() {
        Long evaluated = current != null ? current
                : checkIns.stream().map(CheckInFacts::id).max(Comparator.naturalOrder()).orElse(null);
        LocalDate last = lastCheckIn != null ? lastCheckIn
                : checkIns.stream().map(CheckInFacts::date).max(Comparator.naturalOrder()).orElse(null);
        return new PatientHistory(1, AS_OF, evaluated, checkIns, surgery, clearance, last, plan);
    }

    /** As a scheduled evaluation on {@link #AS_OF}: no check-in is being evaluated. */
    PatientHistory scheduled() {
        LocalDate last = lastCheckIn != null ? lastCheckIn
                : checkIns.stream().map(CheckInFacts::date).max(Comparator.naturalOrder()).orElse(null);
        return new PatientHistory(1, AS_OF, null, checkIns, surgery, clearance, last, plan);
    }

    static Symptoms symptoms(Change numbness, Change weakness, boolean bothLegs) {
        return new Symptoms(numbness, weakness, bothLegs, false, false, false, false, false);
    }

    static Symptoms flags(boolean saddle, boolean bladder, boolean fever, boolean weightLoss, boolean injury) {
        return new Symptoms(Change.NONE, Change.NONE, false, saddle, bladder, fever, weightLoss, injury);
    }
}
