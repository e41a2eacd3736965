package com.walkrx.flag;

import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.flag.PatientHistory.Change;
import com.walkrx.flag.PatientHistory.CheckInFacts;
import com.walkrx.flag.PatientHistory.Symptoms;
import com.walkrx.flag.PatientHistory.WalkFacts;
import com.walkrx.flag.RuleMatch.Evidence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The ten rules of red-flags.md as pure functions over a {@link PatientHistory}: no Spring, no database.
 * Boundaries are inclusive as written; windows end with, and include, {@code history.asOf()}.
 *
 * <p>A check-in only raises (or adds evidence to) a flag when it contributes to the match: the symptom rules
 * read the evaluated check-in's answers, the walk rules need one of its walks among the matching ones, the
 * trend rule needs its overall pain. So a flag a clinician resolved is not reopened by the next check-in for
 * facts that were already judged; a new report opens a new flag.
 */
final class FlagRules {

    /** One rule: its code and the function that evaluates it. */
    record Rule(FlagCode code, Function<PatientHistory, Optional<RuleMatch>> function) {

        Optional<RuleMatch> evaluate(PatientHistory history) {
            return function.apply(history);
        }
    }

    /** The rules run for each check-in, most severe first. */
    static final List<Rule> ON_CHECK_IN = List.of(
            new Rule(FlagCode.CAUDA_EQUINA_SIGNS, FlagRules::caudaEquinaSigns),
            new Rule(FlagCode.PROGRESSIVE_NEURO_DEFICIT, FlagRules::progressiveNeuroDeficit),
            new Rule(FlagCode.FEVER, FlagRules::fever),
            new Rule(FlagCode.UNEXPLAINED_WEIGHT_LOSS, FlagRules::unexplainedWeightLoss),
            new Rule(FlagCode.SEVERE_ACUTE_INJURY, FlagRules::severeAcuteInjury),
            new Rule(FlagCode.PAIN_WORSENS_WITH_WALKING, FlagRules::painWorsensWithWalking),
            new Rule(FlagCode.SURGERY_CLEARANCE_MISSING, FlagRules::surgeryClearanceMissing),
            new Rule(FlagCode.SHARP_OR_SEVERE_PAIN, FlagRules::sharpOrSeverePain),
            new Rule(FlagCode.PAIN_TREND_RISING, FlagRules::painTrendRising));

    /** The rules about the patient's state rather than a check-in: run on a schedule and on patient changes. */
    static final List<Rule> ON_SCHEDULE = List.of(
            new Rule(FlagCode.SURGERY_CLEARANCE_MISSING, FlagRules::surgeryClearanceMissing),
            new Rule(FlagCode.MISSED_CHECK_INS, FlagRules::missedCheckIns));

    static final int RECENT_WALKS = 5;
    static final int RISING_WALKS_NEEDED = 3;
    static final int RISE_THAT_COUNTS = 2;
    static final int SEVERE_PAIN = 7;
    static final int TREND_RISE = 2;
    static final int TREND_MIN_DAYS = 3;
    static final int SURGERY_WEEKS = 12;
    static final int MISSED_DAYS = 3;

    private FlagRules() {
    }

    /** URGENT: new bladder or bowel control problems, or saddle numbness. */
    static Optional<RuleMatch> caudaEquinaSigns(PatientHistory h) {
        CheckInFacts c = h.current();
        Symptoms s = symptomsOf(c);
        List<Evidence> evidence = new ArrayList<>();
        if (s.bladderBowelProblems()) {
            evidence.add(new Evidence(c.id(), "new bladder or bowel control problems reported on " + c.date()));
        }
        if (s.saddleNumbness()) {
            evidence.add(new Evidence(c.id(), "saddle numbness reported on " + c.date()));
        }
        return match(FlagCode.CAUDA_EQUINA_SIGNS, evidence);
    }

    /**
     * URGENT: numbness/tingling WORSENING, or leg weakness NEW or WORSENING, or symptoms in both legs together with
     * any numbness or weakness that is not NONE.
     */
    static Optional<RuleMatch> progressiveNeuroDeficit(PatientHistory h) {
        CheckInFacts c = h.current();
        Symptoms s = symptomsOf(c);
        List<Evidence> evidence = new ArrayList<>();
        if (s.numbnessTingling() == Change.WORSENING) {
            evidence.add(new Evidence(c.id(), "numbness/tingling worsening, reported on " + c.date()));
        }
        if (s.legWeakness() == Change.NEW || s.legWeakness() == Change.WORSENING) {
            evidence.add(new Evidence(c.id(), "leg weakness " + words(s.legWeakness()) + ", reported on " + c.date()));
        }
        if (s.bothLegs() && (s.numbnessTingling() != Change.NONE || s.legWeakness() != Change.NONE)) {
            evidence.add(new Evidence(c.id(), "symptoms in both legs with numbness/tingling "
                    + words(s.numbnessTingling()) + " and leg weakness " + words(s.legWeakness())
                    + ", reported on " + c.date()));
        }
        return match(FlagCode.PROGRESSIVE_NEURO_DEFICIT, evidence);
    }

    /** HIGH: fever. */
    static Optional<RuleMatch> fever(PatientHistory h) {
        CheckInFacts c = h.current();
        return symptomsOf(c).fever()
                ? match(FlagCode.FEVER, new Evidence(c.id(), "fever reported on " + c.date()))
                : Optional.empty();
    }

    /** HIGH: unexplained weight loss. */
    static Optional<RuleMatch> unexplainedWeightLoss(PatientHistory h) {
        CheckInFacts c = h.current();
        return symptomsOf(c).unexplainedWeightLoss()
                ? match(FlagCode.UNEXPLAINED_WEIGHT_LOSS, new Evidence(c.id(), "unexplained weight loss reported on "
                + c.date()))
                : Optional.empty();
    }

    /**
     * HIGH: a new injury or fall reported, and the day's overall pain >= 7. The injury and the pain may come in
     * different check-ins of the same day; the evaluated check-in must carry one of them.
     */
    static Optional<RuleMatch> severeAcuteInjury(PatientHistory h) {
        CheckInFacts c = h.current();
        if (c == null) {
            return Optional.empty();
        }
        List<CheckInFacts> day = h.checkInsBetween(c.date(), c.date());
        boolean injury = day.stream().anyMatch(d -> symptomsOf(d).newInjuryOrFall());
        Integer dayPain = h.dayPain(c.date());
        boolean contributes = symptomsOf(c).newInjuryOrFall() || c.overallPain() != null;
        if (!injury || dayPain == null || dayPain < SEVERE_PAIN || !contributes) {
            return Optional.empty();
        }
        return match(FlagCode.SEVERE_ACUTE_INJURY, new Evidence(c.id(),
                "new injury or fall reported on " + c.date() + ", overall pain " + dayPain + " that day"));
    }

    /**
     * HIGH: among the most recent 5 walks dated within the last 14 days, at least 3 have pain after minus pain
     * before >= 2. The evaluated check-in must carry one of those rising walks.
     */
    static Optional<RuleMatch> painWorsensWithWalking(PatientHistory h) {
        CheckInFacts c = h.current();
        if (c == null) {
            return Optional.empty();
        }
        LocalDate from = h.asOf().minusDays(13);
        List<WalkFacts> recent = h.walks()
                .filter(w -> !w.date().isBefore(from) && !w.date().isAfter(h.asOf()))
                .sorted(Comparator.comparing(WalkFacts::date).thenComparingLong(WalkFacts::checkInId)
                        .thenComparingInt(WalkFacts::position).reversed())
                .limit(RECENT_WALKS)
                .toList();
        List<WalkFacts> rising = recent.stream().filter(w -> w.painChange() >= RISE_THAT_COUNTS).toList();
        boolean contributes = rising.stream().anyMatch(w -> w.checkInId() == c.id());
        if (rising.size() < RISING_WALKS_NEEDED || !contributes) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        for (WalkFacts w : rising.reversed()) {
            evidence.add(new Evidence(w.checkInId(), "pain " + w.painBefore() + " -> " + w.painAfter() + " on a walk on "
                    + w.surface().words() + " on " + w.date()));
        }
        evidence.add(new Evidence(c.id(), rising.size() + " of the last " + recent.size()
                + " walks raised pain by " + RISE_THAT_COUNTS + " points or more"));
        return match(FlagCode.PAIN_WORSENS_WITH_WALKING, evidence);
    }

    /**
     * HIGH: surgery within the last 12 weeks (both ends included), no surgeon clearance recorded, and an ACTIVE
     * plan that was not activated with a written override.
     */
    static Optional<RuleMatch> surgeryClearanceMissing(PatientHistory h) {
        LocalDate surgery = h.surgeryDate();
        if (surgery == null || surgery.isAfter(h.asOf()) || surgery.isBefore(h.asOf().minusWeeks(SURGERY_WEEKS))
                || h.surgeonClearanceDate() != null) {
            return Optional.empty();
        }
        if (h.plan() == null || h.plan().status() != PlanStatus.ACTIVE || h.plan().activatedWithOverride()) {
            return Optional.empty();
        }
        // No check-in id: the evidence is the record's state, so repeated evaluations add nothing new.
        return match(FlagCode.SURGERY_CLEARANCE_MISSING, new Evidence(null, "surgery on " + surgery
                + ", no surgeon clearance recorded, " + h.plan().template() + " plan active since "
                + h.plan().startDate() + " without a written override"));
    }

    /** ADVISORY: a walk of the evaluated check-in with sharp pain, or with pain after >= 7. */
    static Optional<RuleMatch> sharpOrSeverePain(PatientHistory h) {
        CheckInFacts c = h.current();
        if (c == null) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        for (WalkFacts w : c.walks().stream().sorted(Comparator.comparingInt(WalkFacts::position)).toList()) {
            String walk = "pain " + w.painBefore() + " -> " + w.painAfter() + " on a walk of " + w.minutes()
                    + " min on " + w.surface().words() + " on " + w.date();
            if (w.sharpPain() && w.painAfter() >= SEVERE_PAIN) {
                evidence.add(new Evidence(c.id(), "sharp pain and " + walk));
            } else if (w.sharpPain()) {
                evidence.add(new Evidence(c.id(), "sharp pain during the walk, " + walk));
            } else if (w.painAfter() >= SEVERE_PAIN) {
                evidence.add(new Evidence(c.id(), "severe pain after the walk, " + walk));
            }
        }
        return match(FlagCode.SHARP_OR_SEVERE_PAIN, evidence);
    }

    /**
     * ADVISORY: the mean daily overall pain of the last 7 days is at least 2 points above that of the 7 days
     * before; each window needs at least 3 days with an overall pain. The evaluated check-in must report one.
     */
    static Optional<RuleMatch> painTrendRising(PatientHistory h) {
        CheckInFacts c = h.current();
        if (c == null || c.overallPain() == null) {
            return Optional.empty();
        }
        LocalDate lastFrom = h.asOf().minusDays(6);
        LocalDate priorFrom = h.asOf().minusDays(13);
        LocalDate priorTo = h.asOf().minusDays(7);
        TreeMap<LocalDate, Integer> last = dayPains(h, lastFrom, h.asOf());
        TreeMap<LocalDate, Integer> prior = dayPains(h, priorFrom, priorTo);
        if (last.size() < TREND_MIN_DAYS || prior.size() < TREND_MIN_DAYS) {
            return Optional.empty();
        }
        long lastSum = last.values().stream().mapToLong(Integer::longValue).sum();
        long priorSum = prior.values().stream().mapToLong(Integer::longValue).sum();
        // mean(last) - mean(prior) >= 2, in integers so that exactly +2 counts
        if (lastSum * prior.size() - priorSum * last.size() < (long) TREND_RISE * last.size() * prior.size()) {
            return Optional.empty();
        }
        return match(FlagCode.PAIN_TREND_RISING, new Evidence(c.id(), "mean overall pain "
                + oneDecimal((double) lastSum / last.size()) + " on " + last.size() + " days (" + lastFrom + " to "
                + h.asOf() + ") vs " + oneDecimal((double) priorSum / prior.size()) + " on " + prior.size()
                + " days (" + priorFrom + " to " + priorTo + ")"));
    }

    /**
     * ADVISORY: an ACTIVE plan, and no check-in for 3 whole days: none dated on the 3 days before {@code asOf}
     * (nor on {@code asOf} itself), and the plan started on or before the first of those days.
     */
    static Optional<RuleMatch> missedCheckIns(PatientHistory h) {
        if (h.plan() == null || h.plan().status() != PlanStatus.ACTIVE) {
            return Optional.empty();
        }
        LocalDate firstMissed = h.asOf().minusDays(MISSED_DAYS);
        if (h.plan().startDate().isAfter(firstMissed)) {
            return Optional.empty();
        }
        LocalDate last = h.lastCheckInDate();
        if (last != null && !last.isBefore(firstMissed)) {
            return Optional.empty();
        }
        String since = last == null ? "no check-in since the plan started on " + h.plan().startDate()
                : "last check-in on " + last;
        return match(FlagCode.MISSED_CHECK_INS, new Evidence(null, "no check-in on " + firstMissed + ", "
                + firstMissed.plusDays(1) + " or " + firstMissed.plusDays(2) + "; " + since));
    }

    private static TreeMap<LocalDate, Integer> dayPains(PatientHistory h, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Integer> pains = new TreeMap<>();
        for (CheckInFacts c : h.checkInsBetween(from, to)) { // oldest first: the last one of a date wins
            if (c.overallPain() != null) {
                pains.put(c.date(), c.overallPain());
            }
        }
        return pains;
    }

    private static Symptoms symptomsOf(CheckInFacts c) {
        return c == null || c.symptoms() == null ? Symptoms.none() : c.symptoms();
    }

    private static String words(Change change) {
        return change.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static Optional<RuleMatch> match(FlagCode code, List<Evidence> evidence) {
        return evidence.isEmpty() ? Optional.empty() : Optional.of(new RuleMatch(code, evidence));
    }

    private static Optional<RuleMatch> match(FlagCode code, Evidence evidence) {
        return Optional.of(new RuleMatch(code, evidence));
    }
}
