package com.walkrx.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.walkrx.plan.Progression.Decision;
import com.walkrx.plan.Progression.Facts;
import com.walkrx.plan.Progression.Outcome;
import com.walkrx.plan.Progression.Phase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every progression rule of walking-plans.md, one row per case, boundary rows included. */
class ProgressionTest {

    private static final Phase PHASE_1 = new Phase(1, 14, 3, null, 10, 10, null, null, false);
    private static final Phase PHASE_2 = new Phase(2, 14, 2, null, 15, 20, null, null, false);
    private static final Phase PHASE_2_LOCKED = new Phase(2, 14, 2, null, 15, 20, null, null, true);
    private static final Phase PHASE_3 = new Phase(3, 7, null, 5, 30, 30, null, null, false);
    private static final Phase ACUTE_0 = new Phase(0, 5, 3, null, 5, 5, 4, 3, false);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static Double d(String s) {
        return s == null || s.isBlank() ? null : Double.valueOf(s);
    }

    private static List<Integer> pains(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(";")).map(String::trim).map(Integer::valueOf).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            # case                                      , days, adherence, flag , pain7, painPrev, pending  , declined, auto , next     , expected
            all rules hold: propose                     , 14  , 0.85     , false, 4.0  , 4.5     , -        , -       , false, PHASE_2  , PROPOSE_ADVANCE
            day 13 of the 14-day phase 1: too early     , 13  , 1.0      , false, 3.0  , 3.0     , -        , -       , false, PHASE_2  , STAY
            day 14 of the 14-day phase 1: on time       , 14  , 1.0      , false, 3.0  , 3.0     , -        , -       , false, PHASE_2  , PROPOSE_ADVANCE
            adherence 79% is not enough                 , 20  , 0.79     , false, 3.0  , 3.0     , -        , -       , false, PHASE_2  , STAY
            adherence 80% is enough                     , 20  , 0.80     , false, 3.0  , 3.0     , -        , -       , false, PHASE_2  , PROPOSE_ADVANCE
            adherence just under 80% is not enough      , 20  , 0.7999   , false, 3.0  , 3.0     , -        , -       , false, PHASE_2  , STAY
            adherence unknown (no day on plan yet)      , 20  , -        , false, 3.0  , 3.0     , -        , -       , false, PHASE_2  , STAY
            open URGENT or HIGH flag blocks             , 20  , 1.0      , true , 3.0  , 3.0     , -        , -       , false, PHASE_2  , STAY
            pain rise of 0.9 does not block             , 20  , 1.0      , false, 4.9  , 4.0     , -        , -       , false, PHASE_2  , PROPOSE_ADVANCE
            pain rise of 1.0 blocks                     , 20  , 1.0      , false, 5.0  , 4.0     , -        , -       , false, PHASE_2  , STAY
            pain rise of 1.5 blocks                     , 20  , 1.0      , false, 5.5  , 4.0     , -        , -       , false, PHASE_2  , STAY
            pain falling is fine                        , 20  , 1.0      , false, 2.0  , 4.0     , -        , -       , false, PHASE_2  , PROPOSE_ADVANCE
            no pain in the previous week: no rise known , 20  , 1.0      , false, 6.0  , -       , -        , -       , false, PHASE_2  , PROPOSE_ADVANCE
            auto-advance moves on without asking        , 14  , 0.9      , false, 3.0  , 3.0     , -        , -       , true , PHASE_2  , ADVANCE
            auto-advance still needs every rule         , 13  , 0.9      , false, 3.0  , 3.0     , -        , -       , true , PHASE_2  , STAY
            auto-advance confirms a waiting advance     , 14  , 0.9      , false, 3.0  , 3.0     , ADVANCE  , -       , true , PHASE_2  , ADVANCE
            a waiting advance is not proposed twice     , 14  , 0.9      , false, 3.0  , 3.0     , ADVANCE  , -       , false, PHASE_2  , STAY
            a waiting advance that no longer holds goes , 14  , 0.5      , false, 3.0  , 3.0     , ADVANCE  , -       , false, PHASE_2  , WITHDRAW_PROPOSAL
            a waiting step back comes first             , 14  , 0.9      , false, 3.0  , 3.0     , STEP_BACK, -       , true , PHASE_2  , STAY
            declined 6 days ago: not asked again yet    , 20  , 0.9      , false, 3.0  , 3.0     , -        , 6       , false, PHASE_2  , STAY
            declined 7 days ago: asked again            , 20  , 0.9      , false, 3.0  , 3.0     , -        , 7       , false, PHASE_2  , PROPOSE_ADVANCE
            next phase locked until clearance           , 20  , 1.0      , false, 3.0  , 3.0     , -        , -       , true , LOCKED   , STAY
            the last phase has nowhere to go            , 60  , 1.0      , false, 3.0  , 3.0     , -        , -       , true , NONE     , STAY
            """)
    void advancing_needs_every_rule_to_hold(String name, int days, String adherence, boolean flag, String pain7,
                                            String painPrev, ProposalKind pending, Integer declined, boolean auto,
                                            String next, Outcome expected) {
        Phase nextPhase = switch (next) {
            case "PHASE_2" -> PHASE_2;
            case "LOCKED" -> PHASE_2_LOCKED;
            default -> null;
        };
        Phase current = nextPhase == null ? PHASE_3 : PHASE_1;
        Facts facts = new Facts(days, d(adherence), flag, d(pain7), d(painPrev), List.of(), pending, declined);

        Decision decision = Progression.advance(current, nextPhase, facts, auto);

        assertThat(decision.outcome()).as(name + ": " + decision.unmet()).isEqualTo(expected);
        if (expected == Outcome.PROPOSE_ADVANCE || expected == Outcome.ADVANCE) {
            assertThat(decision.toPhase()).isEqualTo(2);
            assertThat(decision.reason()).startsWith("Ready for phase 2").contains("adherence");
            assertThat(decision.unmet()).isEmpty();
        }
        if (expected == Outcome.STAY && pending == null) {
            assertThat(decision.unmet()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            # case                                           , days, pains (newest first), expected
            day 4 of acute phase 0: too early                , 4   , 3;3;3                , STAY
            day 5 with pain 3 on 3 check-ins                 , 5   , 3;3;3                , PROPOSE_ADVANCE
            pain 4 counts (<= 4)                             , 5   , 4;4;4                , PROPOSE_ADVANCE
            pain 5 on the newest check-in                    , 5   , 5;3;3;3              , STAY
            only 2 consecutive check-ins at 4 or less        , 5   , 3;3;5;2              , STAY
            only 2 check-ins so far                          , 5   , 3;3                  , STAY
            an older high one does not matter after three    , 5   , 2;3;4;9              , PROPOSE_ADVANCE
            no check-in with pain yet                        , 9   , -                    , STAY
            """)
    void acute_phase_0_needs_5_days_and_pain_4_or_less_on_3_consecutive_check_ins(String name, int days, String pains,
                                                                                  Outcome expected) {
        Facts facts = new Facts(days, 1.0, false, 3.0, 3.0, pains(pains), null, null);

        Decision decision = Progression.advance(ACUTE_0, PHASE_1, facts, false);

        assertThat(decision.outcome()).as(name + ": " + decision.unmet()).isEqualTo(expected);
        if (expected == Outcome.PROPOSE_ADVANCE) {
            assertThat(decision.toPhase()).isEqualTo(1);
            assertThat(decision.reason()).contains("overall pain 4 or less on the last 3 check-ins");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            # case                                         , activated , minutes today-7..today-1 (per day), phase , expected
            every walk done                                , 2026-11-01, 30;30;30;30;30;30;30              , DAY   , 1.0
            24 of 30 minutes every day is exactly 80%      , 2026-11-01, 24;24;24;24;24;24;24              , DAY   , 0.8
            one short day: 5.6 of 7 days is exactly 80%    , 2026-11-01, 30;30;30;30;30;18;0               , DAY   , 0.8
            one minute less is under 80%                   , 2026-11-01, 30;30;30;30;30;17;0               , DAY   , 0.7952
            a long day is capped at 100%                   , 2026-11-01, 90;0;0;0;0;0;0                    , DAY   , 0.1429
            nothing walked                                 , 2026-11-01, 0;0;0;0;0;0;0                     , DAY   , 0.0
            activated 3 days ago: only those days count    , 2026-11-26, 0;0;0;0;30;30;24                  , DAY   , 0.9333
            activated today: no day in the window          , 2026-11-29, 30;30;30;30;30;30;30              , DAY   , -
            activated yesterday: one day                   , 2026-11-28, 0;0;0;0;0;0;15                    , DAY   , 0.5
            per week: 120 of 150 minutes is exactly 80%    , 2026-11-01, 30;0;30;0;30;0;30                 , WEEK  , 0.8
            per week: 119 minutes is under 80%             , 2026-11-01, 30;0;30;0;30;0;29                 , WEEK  , 0.7933
            per week: more than prescribed is capped       , 2026-11-01, 60;60;60;60;60;60;60              , WEEK  , 1.0
            per week: 3 days on plan prescribe 3/7 of it   , 2026-11-26, 0;0;0;0;30;0;22                   , WEEK  , 0.8089
            """)
    void adherence_is_walked_minutes_against_the_prescription_each_day_capped(String name, LocalDate activated,
                                                                             String minutes, String phase,
                                                                             String expected) {
        Map<LocalDate, Integer> byDay = new HashMap<>();
        String[] values = minutes.split(";");
        for (int i = 0; i < 7; i++) {
            byDay.put(TODAY.minusDays(7 - i), Integer.valueOf(values[i].trim()));
        }
        Phase p = phase.equals("WEEK") ? PHASE_3 : PHASE_1;

        Double adherence = Progression.adherence(TODAY, activated, p, byDay);

        if (expected == null) {
            assertThat(adherence).as(name).isNull();
        } else {
            assertThat(adherence).as(name).isCloseTo(Double.valueOf(expected), within(0.0001));
        }
    }

    @Test
    void adherence_of_exactly_80_percent_from_minutes_passes_the_threshold() {
        Map<LocalDate, Integer> byDay = new HashMap<>();
        int[] minutes = {30, 30, 30, 30, 30, 18, 0};
        for (int i = 0; i < 7; i++) {
            byDay.put(TODAY.minusDays(7 - i), minutes[i]);
        }
        Double adherence = Progression.adherence(TODAY, LocalDate.of(2026, 11, 1), PHASE_1, byDay);
        Facts facts = new Facts(14, adherence, false, null, null, List.of(), null, null);

        assertThat(Progression.advance(PHASE_1, PHASE_2, facts, false).outcome()).isEqualTo(Outcome.PROPOSE_ADVANCE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            # case                                , previous 7 days daily pain , last 7 days daily pain , rising
            same pain                             , 4;4;4;4;4;4;4              , 4;4;4;4;4;4;4          , false
            mean up 0.86 (not 1 point)            , 4;4;4;4;4;4;4              , 5;5;5;5;5;5;4          , false
            mean up exactly 1 point               , 4;4;4;4;4;4;4              , 5;5;5;5;5;5;5          , true
            mean up 1 point over fewer days       , 3;5                        , 5;5;5                  , true
            mean down                             , 6;6;6                      , 3;3;3                  , false
            no pain reported in the previous week , -                          , 8;8;8                  , false
            no pain reported in the last week     , 2;2;2                      , -                      , false
            """)
    void pain_rising_by_1_point_or_more_against_the_previous_7_days_blocks(String name, String previous, String last,
                                                                           boolean rising) {
        Map<LocalDate, Integer> daily = new HashMap<>();
        List<Integer> prev = pains(previous);
        for (int i = 0; i < prev.size(); i++) {
            daily.put(TODAY.minusDays(14 - i), prev.get(i));
        }
        List<Integer> recent = pains(last);
        for (int i = 0; i < recent.size(); i++) {
            daily.put(TODAY.minusDays(7 - i), recent.get(i));
        }
        Double last7 = Progression.mean(daily, TODAY.minusDays(7), TODAY.minusDays(1));
        Double prev7 = Progression.mean(daily, TODAY.minusDays(14), TODAY.minusDays(8));

        assertThat(Progression.painRising(last7, prev7)).as(name).isEqualTo(rising);
        Facts facts = new Facts(20, 1.0, false, last7, prev7, List.of(), null, null);
        assertThat(Progression.advance(PHASE_1, PHASE_2, facts, false).outcome())
                .isEqualTo(rising ? Outcome.STAY : Outcome.PROPOSE_ADVANCE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            # case                                    , daily steps in date order (x = no count) , baseline
            7 days                                    , 4000;4200;3800;4100;3900;4000;4000      , 4000
            only the first 7 days with a count        , 4000;4000;4000;4000;4000;4000;4000;9000;9000 , 4000
            days without a count are skipped          , x;3000;x;5000;x;4000                     , 4000
            fewer than 7 days: the mean of those      , 3000;3500                                , 3250
            rounded to a whole step                   , 3000;3001                                , 3001
            no step count yet                         , x;x                                      , -
            """)
    void the_step_baseline_is_the_mean_of_the_first_7_days_with_a_step_count(String name, String steps,
                                                                             Integer baseline) {
        TreeMap<LocalDate, Integer> daily = new TreeMap<>();
        String[] values = steps.split(";");
        for (int i = 0; i < values.length; i++) {
            daily.put(TODAY.plusDays(i), values[i].trim().equals("x") ? null : Integer.valueOf(values[i].trim()));
        }
        assertThat(Progression.stepBaseline(daily)).as(name).isEqualTo(baseline);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            # case                                         , fixed, boost, weeklyRise, cap  , baseline, daysInPhase, target
            phase 1 keeps the baseline: no target          , -    , -    , 0         , 10000, 4000    , 10         , -
            phase 2: baseline + 1000                       , -    , 1000 , 0         , 10000, 4000    , 0          , 5000
            phase 2 does not rise within the phase         , -    , 1000 , 0         , 10000, 4000    , 13         , 5000
            phase 3 starts at baseline + 2000              , -    , 2000 , 1000      , 10000, 4000    , 0          , 6000
            day 6 of phase 3: still the first week         , -    , 2000 , 1000      , 10000, 4000    , 6          , 6000
            day 7 of phase 3: +1000                        , -    , 2000 , 1000      , 10000, 4000    , 7          , 7000
            day 14 of phase 3: +2000                       , -    , 2000 , 1000      , 10000, 4000    , 14         , 8000
            capped at 10000                                , -    , 2000 , 1000      , 10000, 4000    , 35         , 10000
            a high baseline is capped at 10000             , -    , 2000 , 1000      , 10000, 8500    , 0          , 10000
            the rise is at most 1000 a week                , -    , 0    , 1500      , 10000, 4000    , 7          , 5000
            no baseline yet: no target                     , -    , 1000 , 0         , 10000, -       , 7          , -
            a clinician's number wins                      , 7500 , 1000 , 0         , 10000, 4000    , 7          , 7500
            """)
    void the_step_target_rises_from_the_baseline_by_at_most_1000_a_week_up_to_10000(String name, Integer fixed,
                                                                                      Integer boost, int rise, int cap,
                                                                                      Integer baseline, int days,
                                                                                      Integer target) {
        assertThat(Progression.stepTarget(fixed, boost, rise, cap, baseline, days)).as(name).isEqualTo(target);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            # case                                        , phases   , current, minutes, toPhase, shorter
            phase 2 steps back to phase 1                 , 1;2;3    , 2      , 15-20  , 1      , -
            phase 3 steps back to phase 2                 , 1;2;3    , 3      , 30-30  , 2      , -
            acute phase 1 steps back to phase 0           , 0;1;2;3  , 1      , 10-10  , 0      , -
            standard phase 1: shorter walks (half)        , 1;2;3    , 1      , 10-10  , 1      , 5-5
            acute phase 0: shorter walks (rounded up)     , 0;1;2;3  , 0      , 5-5    , 0      , 3-3
            a range is halved at both ends                , 2;3      , 2      , 15-20  , 2      , 8-10
            one minute stays one minute                   , 1        , 1      , 1-1    , 1      , 1-1
            """)
    void a_step_back_goes_to_the_previous_phase_or_shortens_the_walks(String name, String phases, int current,
                                                                      String minutes, int toPhase, String shorter) {
        List<Integer> numbers = new ArrayList<>(pains(phases));
        String[] mm = minutes.split("-");
        Phase phase = new Phase(current, 14, 3, null, Integer.parseInt(mm[0]), Integer.parseInt(mm[1]), null, null,
                false);

        Progression.StepBack sb = Progression.stepBack(numbers, phase);

        assertThat(sb.toPhase()).as(name).isEqualTo(toPhase);
        assertThat(sb.shorterWalks()).isEqualTo(shorter != null);
        if (shorter != null) {
            assertThat(sb.minutesMin() + "-" + sb.minutesMax()).isEqualTo(shorter);
        }
    }

    @ParameterizedTest(name = "{0} -> step back {1}")
    @CsvSource(textBlock = """
            PAIN_WORSENS_WITH_WALKING , true
            SHARP_OR_SEVERE_PAIN      , true
            PAIN_TREND_RISING         , false
            FEVER                     , false
            CAUDA_EQUINA_SIGNS        , false
            MISSED_CHECK_INS          , false
            """)
    void a_step_back_is_proposed_after_the_two_named_flags_only(String code, boolean stepsBack) {
        assertThat(Progression.stepsBackAfter(code)).isEqualTo(stepsBack);
    }

    @Test
    void the_reason_of_a_proposal_names_the_evidence() {
        Facts facts = new Facts(15, 0.86, false, 3.1, 3.6, List.of(), null, null);
        Decision decision = Progression.advance(PHASE_1, PHASE_2, facts, false);
        assertThat(decision.reason()).isEqualTo("Ready for phase 2: 15 days in phase 1 (minimum 14); adherence 86% over "
                + "the last 7 days; no open urgent or high flag; pain not rising (7-day mean 3.1, week before 3.6).");
    }

    @Test
    void what_is_missing_is_listed_for_the_clinician() {
        Facts facts = new Facts(13, 0.79, true, 5.0, 4.0, List.of(), null, null);
        Decision decision = Progression.advance(PHASE_1, PHASE_2, facts, false);
        assertThat(decision.unmet()).containsExactly(
                "Minimum length: day 13 of 14.",
                "Adherence 79% over the last 7 days (needs 80%).",
                "An URGENT or HIGH flag is open.",
                "Pain is rising: 7-day mean 5.0 against 4.0 the week before.");
    }
}
