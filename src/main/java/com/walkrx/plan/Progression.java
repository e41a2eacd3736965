package com.walkrx.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The progression rules of walking-plans.md as pure functions (no Spring, no database): when to propose
 * the next phase, adherence over 7 days, the pain trend, the acute phase's pain gate, step targets from the
 * patient's own baseline, and the step back after the named flags. Callers gather the facts; this class
 * decides.
 */
public final class Progression {

    /** Adherence over the last 7 days must be at least 80%. */
    public static final double MIN_ADHERENCE = 0.80;
    /** A rise of the 7-day mean of overall pain of 1 point or more against the previous 7 days blocks. */
    public static final double PAIN_RISE_THAT_BLOCKS = 1.0;
    /** Adherence looks at the 7 whole days before today. */
    public static final int WINDOW_DAYS = 7;
    /** The baseline of steps is the mean of the first 7 days that have a step count. */
    public static final int BASELINE_DAYS = 7;
    /** Product rule: after a clinician declines an advance, no new advance is proposed for a week. */
    public static final int QUIET_DAYS_AFTER_DECLINE = 7;
    /** Flags after which a step back is proposed (walking-plans.md, "Progression"). */
    public static final Set<String> STEP_BACK_FLAGS = Set.of("PAIN_WORSENS_WITH_WALKING", "SHARP_OR_SEVERE_PAIN");

    private static final double EPSILON = 1e-9;

    private Progression() {
    }

    /** A phase as the rules see it; exactly one of walksPerDay and walksPerWeek is set. */
    public record Phase(int number, int minDays, Integer walksPerDay, Integer walksPerWeek, int minutesMin,
                        int minutesMax, Integer painGateMax, Integer painGateCheckIns, boolean locked) {

        public boolean perWeek() {
            return walksPerWeek != null;
        }
    }

    /**
     * What is known on the day of evaluation.
     *
     * @param daysInPhase       whole days since the current phase started (the start day is day 0)
     * @param adherence         adherence over the last 7 days (0.0-1.0), null when no day of the plan is in the window
     * @param urgentOrHighOpen  an URGENT or HIGH flag of the patient is not resolved
     * @param painMeanLast7     mean daily overall pain of the last 7 whole days, null without any
     * @param painMeanPrevious7 the same for the 7 days before those, null without any
     * @param recentPains       overall pain of the check-ins during this phase, newest first
     * @param pending           the kind of the plan's pending proposal, or null
     * @param advanceDeclinedDaysAgo days since a clinician last declined advancing from this phase, or null
     */
    public record Facts(int daysInPhase, Double adherence, boolean urgentOrHighOpen, Double painMeanLast7,
                        Double painMeanPrevious7, List<Integer> recentPains, ProposalKind pending,
                        Integer advanceDeclinedDaysAgo) {
    }

    /** What to do with the plan. */
    public enum Outcome {
        /** Nothing changes. */
        STAY,
        /** Propose the next phase to the clinician. */
        PROPOSE_ADVANCE,
        /** Auto-advance: move to the next phase now. */
        ADVANCE,
        /** The pending advance no longer holds: withdraw it. */
        WITHDRAW_PROPOSAL
    }

    /** The decision, with the evidence that was met ({@code reason}) and what is still missing ({@code unmet}). */
    public record Decision(Outcome outcome, Integer toPhase, String reason, List<String> unmet) {
    }

    /**
     * Whether to move on from {@code current} to {@code next} (null when current is the last phase). All must
     * hold: the minimum length has passed, adherence >= 80%, no open URGENT/HIGH flag, pain not rising by 1
     * point or more, the phase's pain gate (acute phase 0), and the next phase is not locked.
     */
    public static Decision advance(Phase current, Phase next, Facts f, boolean autoAdvance) {
        List<String> met = new ArrayList<>();
        List<String> unmet = new ArrayList<>();
        if (next == null) {
            unmet.add("Phase " + current.number() + " is the last phase.");
        } else if (next.locked()) {
            unmet.add("Phase " + next.number() + " is locked until the surgeon's clearance is recorded.");
        }
        if (f.daysInPhase() >= current.minDays()) {
            met.add(f.daysInPhase() + " days in phase " + current.number() + " (minimum " + current.minDays() + ")");
        } else {
            unmet.add("Minimum length: day " + f.daysInPhase() + " of " + current.minDays() + ".");
        }
        if (f.adherence() == null) {
            unmet.add("Adherence: no whole day of the plan in the last 7 days yet.");
        } else if (f.adherence() + EPSILON >= MIN_ADHERENCE) {
            met.add("adherence " + percent(f.adherence()) + " over the last 7 days");
        } else {
            unmet.add("Adherence " + percent(f.adherence()) + " over the last 7 days (needs 80%).");
        }
        if (f.urgentOrHighOpen()) {
            unmet.add("An URGENT or HIGH flag is open.");
        } else {
            met.add("no open urgent or high flag");
        }
        if (painRising(f.painMeanLast7(), f.painMeanPrevious7())) {
            unmet.add("Pain is rising: 7-day mean " + one(f.painMeanLast7()) + " against " + one(f.painMeanPrevious7())
                    + " the week before.");
        } else if (f.painMeanLast7() != null && f.painMeanPrevious7() != null) {
            met.add("pain not rising (7-day mean " + one(f.painMeanLast7()) + ", week before "
                    + one(f.painMeanPrevious7()) + ")");
        } else {
            met.add("no rise in pain reported");
        }
        if (current.painGateMax() != null && current.painGateCheckIns() != null) {
            if (painGateMet(current.painGateMax(), current.painGateCheckIns(), f.recentPains())) {
                met.add("overall pain " + current.painGateMax() + " or less on the last " + current.painGateCheckIns()
                        + " check-ins");
            } else {
                unmet.add("Overall pain " + current.painGateMax() + " or less on " + current.painGateCheckIns()
                        + " consecutive check-ins (so far " + consecutiveAtMost(current.painGateMax(), f.recentPains())
                        + ").");
            }
        }
        if (f.advanceDeclinedDaysAgo() != null && f.advanceDeclinedDaysAgo() < QUIET_DAYS_AFTER_DECLINE) {
            unmet.add("A clinician declined advancing " + f.advanceDeclinedDaysAgo()
                    + " day(s) ago; asking again after " + QUIET_DAYS_AFTER_DECLINE + " days.");
        }

        boolean holds = unmet.isEmpty();
        if (!holds) {
            return new Decision(f.pending() == ProposalKind.ADVANCE ? Outcome.WITHDRAW_PROPOSAL : Outcome.STAY, null,
                    null, List.copyOf(unmet));
        }
        String reason = "Ready for phase " + next.number() + ": " + String.join("; ", met) + ".";
        if (f.pending() == ProposalKind.STEP_BACK) {
            return new Decision(Outcome.STAY, null, reason,
                    List.of("A step back is waiting for a clinician's decision."));
        }
        if (autoAdvance) {
            return new Decision(Outcome.ADVANCE, next.number(), reason, List.of());
        }
        if (f.pending() == ProposalKind.ADVANCE) {
            return new Decision(Outcome.STAY, next.number(), reason, List.of());
        }
        return new Decision(Outcome.PROPOSE_ADVANCE, next.number(), reason, List.of());
    }

    /** True when the last 7 days' mean pain is at least 1 point above the previous 7 days' (both known). */
    public static boolean painRising(Double last7, Double previous7) {
        return last7 != null && previous7 != null && last7 - previous7 + EPSILON >= PAIN_RISE_THAT_BLOCKS;
    }

    /** The acute gate: the newest {@code count} check-ins (newest first) all have overall pain <= {@code max}. */
    public static boolean painGateMet(int max, int count, List<Integer> newestFirst) {
        return consecutiveAtMost(max, newestFirst) >= count;
    }

    private static int consecutiveAtMost(int max, List<Integer> newestFirst) {
        int n = 0;
        for (Integer pain : newestFirst) {
            if (pain == null || pain > max) {
                break;
            }
            n++;
        }
        return n;
    }

    /**
     * Adherence over the 7 whole days before {@code today} (today-7 .. today-1), cut to days on or after the
     * plan's activation date; null when no such day. Per-day phases: the mean of each day's min(1, walked
     * minutes / (walks_per_day x minutes_min)). Per-week phases: min(1, walked minutes in the window /
     * (walks_per_week x minutes_min x days_in_window / 7)).
     */
    public static Double adherence(LocalDate today, LocalDate activationDate, Phase phase,
                                   Map<LocalDate, Integer> minutesByDay) {
        LocalDate from = today.minusDays(WINDOW_DAYS);
        if (activationDate != null && activationDate.isAfter(from)) {
            from = activationDate;
        }
        LocalDate to = today.minusDays(1);
        if (from.isAfter(to)) {
            return null;
        }
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        if (phase.perWeek()) {
            long walked = 0;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                walked += minutesByDay.getOrDefault(d, 0);
            }
            double prescribed = phase.walksPerWeek() * (double) phase.minutesMin() * days / 7.0;
            return Math.min(1.0, walked / prescribed);
        }
        double prescribedPerDay = phase.walksPerDay() * (double) phase.minutesMin();
        double sum = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            sum += Math.min(1.0, minutesByDay.getOrDefault(d, 0) / prescribedPerDay);
        }
        return sum / days;
    }

    /** The mean of the daily values dated {@code from}..{@code to} (inclusive), null when there is none. */
    public static Double mean(Map<LocalDate, Integer> daily, LocalDate from, LocalDate to) {
        long sum = 0;
        int n = 0;
        for (Map.Entry<LocalDate, Integer> e : daily.entrySet()) {
            if (!e.getKey().isBefore(from) && !e.getKey().isAfter(to) && e.getValue() != null) {
                sum += e.getValue();
                n++;
            }
        }
        return n == 0 ? null : (double) sum / n;
    }

    /** The step baseline: the mean of the first 7 days that have a step count, rounded; null without any. */
    public static Integer stepBaseline(SortedMap<LocalDate, Integer> dailySteps) {
        long sum = 0;
        int n = 0;
        for (Integer steps : dailySteps.values()) {
            if (steps == null) {
                continue;
            }
            sum += steps;
            if (++n == BASELINE_DAYS) {
                break;
            }
        }
        return n == 0 ? null : (int) Math.round((double) sum / n);
    }

    /**
     * The daily step target: a clinician's fixed number if set; otherwise baseline + boost, rising by
     * {@code weeklyRise} (at most 1,000) for every whole week in the phase, capped at {@code cap} (10,000). No
     * target without a boost (the phase keeps the baseline) or without a baseline.
     */
    public static Integer stepTarget(Integer fixed, Integer boost, int weeklyRise, int cap, Integer baseline,
                                     int daysInPhase) {
        if (fixed != null) {
            return fixed;
        }
        if (boost == null || baseline == null) {
            return null;
        }
        int rise = Math.min(Math.max(weeklyRise, 0), 1000);
        long target = (long) baseline + boost + (long) rise * Math.max(0, daysInPhase / 7);
        return (int) Math.min(cap, target);
    }

    /** True for the flags after which a step back is proposed. */
    public static boolean stepsBackAfter(String flagCode) {
        return STEP_BACK_FLAGS.contains(flagCode);
    }

    /** A step back: to {@code toPhase}, or (when already in the first phase) the same phase with shorter walks. */
    public record StepBack(int fromPhase, int toPhase, Integer minutesMin, Integer minutesMax, String words) {

        public boolean shorterWalks() {
            return toPhase == fromPhase;
        }
    }

    /**
     * The step back from {@code current}: the previous phase of the plan when there is one; in the first phase,
     * shorter walks: half the minutes, rounded up, at least 1 (so 10 minutes become 5, as in acute phase 0).
     */
    public static StepBack stepBack(List<Integer> phaseNumbers, Phase current) {
        Integer previous = phaseNumbers.stream().filter(n -> n < current.number()).max(Integer::compare).orElse(null);
        if (previous != null) {
            return new StepBack(current.number(), previous, null, null, "back to phase " + previous);
        }
        int min = Math.max(1, (current.minutesMin() + 1) / 2);
        int max = Math.max(min, (current.minutesMax() + 1) / 2);
        String range = min == max ? min + " minutes" : min + "-" + max + " minutes";
        return new StepBack(current.number(), current.number(), min, max,
                "shorter walks in phase " + current.number() + ": " + range);
    }

    static String percent(double value) {
        // Rounded down, so a value just under 80% never reads as "80%".
        return (int) Math.floor(value * 100 + EPSILON) + "%";
    }

    private static String one(Double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
