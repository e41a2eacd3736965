package com.walkrx.flag;

import com.walkrx.base.clinical.Tier;
import static com.walkrx.flag.HistoryBuilder.AS_OF;
import static com.walkrx.flag.HistoryBuilder.daysAgo;
import static com.walkrx.flag.HistoryBuilder.flags;
import static com.walkrx.flag.HistoryBuilder.history;
import static com.walkrx.flag.HistoryBuilder.symptoms;
import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.flag.PatientHistory.Change;
import com.walkrx.flag.RuleMatch.Evidence;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One table per rule of red-flags.md, boundary rows included. "none" = no flag; otherwise the tier expected.
 * Days are counted back from the evaluated date (0 = that date, 13 = the 14th and last day of a 14-day window).
 */
class FlagRulesTest {

    private static void assertTier(Optional<RuleMatch> match, FlagCode code, String expected) {
        if (expected.equals("none")) {
            assertThat(match).as("no " + code + " flag").isEmpty();
        } else {
            assertThat(match).as(code + " flag").isPresent();
            assertThat(match.get().code()).isEqualTo(code);
            assertThat(match.get().code().tier().name()).isEqualTo(expected);
            assertThat(match.get().evidence()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "bladder/bowel {0}, saddle numbness {1} -> {2}")
    @CsvSource({
            "false, false, none",
            "true,  false, URGENT",
            "false, true,  URGENT",   // saddle numbness alone
            "true,  true,  URGENT",
    })
    void cauda_equina_signs_are_bladder_or_bowel_problems_or_saddle_numbness(boolean bladder, boolean saddle,
                                                                             String expected) {
        var h = history().checkIn(0, 3, flags(saddle, bladder, false, false, false)).build();
        assertTier(FlagRules.caudaEquinaSigns(h), FlagCode.CAUDA_EQUINA_SIGNS, expected);
    }

    @Test
    void cauda_equina_evidence_names_the_symptom_the_date_and_the_check_in() {
        var h = history().checkIn(0, 3, flags(true, false, false, false, false)).build();
        assertThat(FlagRules.caudaEquinaSigns(h).orElseThrow().evidence())
                .containsExactly(new Evidence(h.currentCheckInId(), "saddle numbness reported on " + AS_OF));
    }

    @Test
    void symptoms_of_an_earlier_check_in_do_not_fire_again_on_a_later_one() {
        var h = history().checkIn(1, 3, flags(true, true, true, true, false)).checkIn(0, 3, null).build();
        assertThat(FlagRules.caudaEquinaSigns(h)).isEmpty();
        assertThat(FlagRules.fever(h)).isEmpty();
        assertThat(FlagRules.unexplainedWeightLoss(h)).isEmpty();
    }

    @ParameterizedTest(name = "numbness {0}, weakness {1}, both legs {2} -> {3}")
    @CsvSource({
            "NONE,           NONE,           false, none",
            "WORSENING,      NONE,           false, URGENT",  // worsening numbness
            "NEW,            NONE,           false, none",    // new numbness alone is not progressive
            "SAME_AS_BEFORE, NONE,           false, none",
            "NONE,           NEW,            false, URGENT",
            "NONE,           WORSENING,      false, URGENT",
            "NONE,           SAME_AS_BEFORE, false, none",
            "SAME_AS_BEFORE, NONE,           true,  URGENT",  // same-as-before numbness with both legs
            "NONE,           SAME_AS_BEFORE, true,  URGENT",
            "NEW,            NONE,           true,  URGENT",
            "NONE,           NONE,           true,  none",    // both legs without numbness or weakness
    })
    void progressive_neuro_deficit(Change numbness, Change weakness, boolean bothLegs, String expected) {
        var h = history().checkIn(0, 4, symptoms(numbness, weakness, bothLegs)).build();
        assertTier(FlagRules.progressiveNeuroDeficit(h), FlagCode.PROGRESSIVE_NEURO_DEFICIT, expected);
    }

    @ParameterizedTest(name = "fever {0} -> {1}")
    @CsvSource({"false, none", "true, HIGH"})
    void fever(boolean fever, String expected) {
        var h = history().checkIn(0, null, flags(false, false, fever, false, false)).build();
        assertTier(FlagRules.fever(h), FlagCode.FEVER, expected);
    }

    @ParameterizedTest(name = "weight loss {0} -> {1}")
    @CsvSource({"false, none", "true, HIGH"})
    void unexplained_weight_loss(boolean weightLoss, String expected) {
        var h = history().checkIn(0, null, flags(false, false, false, weightLoss, false)).build();
        assertTier(FlagRules.unexplainedWeightLoss(h), FlagCode.UNEXPLAINED_WEIGHT_LOSS, expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "injury with pain 6                                  | true  | 6    | false | -    | none",
            "injury with pain 7                                  | true  | 7    | false | -    | HIGH",
            "injury with pain 10                                 | true  | 10   | false | -    | HIGH",
            "pain 9 without injury                               | false | 9    | false | -    | none",
            "injury without any pain that day                    | true  |      | false | -    | none",
            "injury in the morning, pain 8 in the evening        | true  |      | true  | 8    | HIGH",
            "injury with pain 8, later the same day pain 5       | true  | 8    | true  | 5    | none",
            "injury with pain 8 yesterday, pain 8 today          | true  | 8    | false | y8   | none",
    })
    void severe_acute_injury_needs_the_days_overall_pain_of_7_or_more(String row, boolean injury, Integer pain,
                                                                      boolean laterSameDay, String later,
                                                                      String expected) {
        HistoryBuilder b = history();
        if (later.startsWith("y")) { // the injury was yesterday; today only pain is reported
            b.checkIn(1, pain, flags(false, false, false, false, injury))
                    .checkIn(0, Integer.parseInt(later.substring(1)), null);
        } else {
            b.checkIn(0, pain, flags(false, false, false, false, injury));
            if (laterSameDay) {
                b.checkIn(0, Integer.parseInt(later), null);
            }
        }
        assertTier(FlagRules.severeAcuteInjury(b.build()), FlagCode.SEVERE_ACUTE_INJURY, expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "2 of the last 5 walks +2                   | 4:3>3 3:3>3 2:3>3 1:3>5 0:3>5        | none",
            "3 of the last 5 walks +2                   | 4:3>3 3:3>3 2:3>5 1:3>5 0:3>5        | HIGH",
            "a +1 rise does not count                   | 2:3>4 1:3>5 0:3>5                    | none",
            "+2 and +3 count                            | 2:3>6 1:2>4 0:0>2                    | HIGH",
            "a fall in pain does not count              | 2:5>3 1:3>5 0:3>5                    | none",
            "the 6th most recent walk is not counted    | 5:3>5 4:3>3 3:3>3 2:3>3 1:3>5 0:3>5  | none",
            "a walk on the 14th day is in the window    | 13:3>5 1:3>5 0:3>5                   | HIGH",
            "a walk 15 days old is outside the window   | 14:3>5 1:3>5 0:3>5                   | none",
            "three rising walks in one check-in         | 0:3>5,4>6,2>4                        | HIGH",
            "the later walk of a check-in counts first  | 1:3>3,3>5 0:3>5,3>5,3>3,3>3          | HIGH",
            "the evaluated check-in adds no rising walk | 3:3>5 2:3>5 1:3>5 0:3>3              | none",
    })
    void pain_worsens_with_walking_counts_rises_of_2_among_the_last_5_walks(String row, String walks, String expected) {
        var h = history().walks(walks).build();
        assertTier(FlagRules.painWorsensWithWalking(h), FlagCode.PAIN_WORSENS_WITH_WALKING, expected);
    }

    @Test
    void pain_worsens_evidence_reads_like_a_clinicians_note() {
        var h = history().walks("2:3>6 1:2>4@INCLINE 0:4>6").build();
        assertThat(FlagRules.painWorsensWithWalking(h).orElseThrow().evidence()).extracting(Evidence::detail)
                .containsExactly("pain 3 -> 6 on a walk on flat ground on " + daysAgo(2),
                        "pain 2 -> 4 on a walk on gentle inclines on " + daysAgo(1),
                        "pain 4 -> 6 on a walk on flat ground on " + daysAgo(0),
                        "3 of the last 3 walks raised pain by 2 points or more");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "surgery exactly 12 weeks ago, no clearance  | 84  |      | ACTIVE | false | HIGH",
            "surgery 12 weeks and a day ago              | 85  |      | ACTIVE | false | none",
            "surgery today                               | 0   |      | ACTIVE | false | HIGH",
            "surgery date in the future                  | -1  |      | ACTIVE | false | none",
            "clearance recorded                          | 30  | 2    | ACTIVE | false | none",
            "plan activated with a written override      | 30  |      | ACTIVE | true  | none",
            "plan paused                                 | 30  |      | PAUSED | false | none",
            "no plan                                     | 30  |      |        | false | none",
            "no surgery                                  |     |      | ACTIVE | false | none",
    })
    void surgery_clearance_missing(String row, Integer surgeryDaysAgo, Integer clearedDaysAgo, String planStatus,
                                   boolean override, String expected) {
        var h = history().surgery(surgeryDaysAgo, clearedDaysAgo).plan(planStatus, 20, override).scheduled();
        assertTier(FlagRules.surgeryClearanceMissing(h), FlagCode.SURGERY_CLEARANCE_MISSING, expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "no sharp pain, pain after 6       | 0:3>6          | none",
            "sharp pain                        | 0:3>4!         | ADVISORY",
            "pain after exactly 7              | 0:3>7          | ADVISORY",
            "pain after 8, lower than before   | 0:9>8          | ADVISORY",
            "pain before 8, after 6            | 0:8>6          | none",
            "one bad walk among good ones      | 0:3>3,3>2,4>7  | ADVISORY",
            "sharp pain in an earlier check-in | 1:3>4! 0:3>3   | none",
    })
    void sharp_or_severe_pain(String row, String walks, String expected) {
        var h = history().walks(walks).build();
        assertTier(FlagRules.sharpOrSeverePain(h), FlagCode.SHARP_OR_SEVERE_PAIN, expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "exactly +2                                | 9:4 8:4 7:4 6:6 1:6 0:6             | ADVISORY",
            "+1.67 is not enough                       | 9:4 8:4 7:4 6:6 1:6 0:5             | none",
            "+3 over 4 and 3 days                      | 13:3 12:3 11:3 7:3 2:6 1:6 0:6      | ADVISORY",
            "only 2 days in the prior window           | 8:4 7:4 6:6 1:6 0:6                 | none",
            "only 2 days in the last window            | 9:4 8:4 7:4 1:7 0:7                 | none",
            "day 14 back is outside the prior window   | 14:4 8:4 7:4 6:6 1:6 0:6            | none",
            "several check-ins a day: the last counts  | 9:4 8:4 7:4 6:6 1:6 0:9 0:6         | ADVISORY",
            "several check-ins a day: the last counts  | 9:4 8:4 7:4 6:6 1:6 0:9 0:3         | none",
            "falling pain                              | 9:7 8:7 7:7 6:3 1:3 0:3             | none",
    })
    void pain_trend_rising_compares_two_7_day_means(String row, String pains, String expected) {
        var h = history().pains(pains).build();
        assertTier(FlagRules.painTrendRising(h), FlagCode.PAIN_TREND_RISING, expected);
    }

    @Test
    void pain_trend_evidence_gives_both_means_and_windows() {
        var h = history().pains("9:4 8:4 7:4 6:6 1:6 0:6").build();
        assertThat(FlagRules.painTrendRising(h).orElseThrow().evidence()).extracting(Evidence::detail)
                .containsExactly("mean overall pain 6.0 on 3 days (" + daysAgo(6) + " to " + AS_OF + ") vs 4.0 on 3 days ("
                        + daysAgo(13) + " to " + daysAgo(7) + ")");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "last check-in 4 days ago: 3 whole days missed  | 30 | 4  | ACTIVE | ADVISORY",
            "last check-in 3 days ago                       | 30 | 3  | ACTIVE | none",
            "checked in today                               | 30 | 0  | ACTIVE | none",
            "never checked in, plan started 3 days ago      | 3  |    | ACTIVE | ADVISORY",
            "never checked in, plan started 2 days ago      | 2  |    | ACTIVE | none",
            "plan paused                                    | 30 | 10 | PAUSED | none",
            "no plan                                        | 30 | 10 |        | none",
    })
    void missed_check_ins_after_3_whole_days(String row, int planStartedDaysAgo, Integer lastCheckInDaysAgo,
                                             String planStatus, String expected) {
        var h = history().plan(planStatus, planStartedDaysAgo, false).lastCheckIn(lastCheckInDaysAgo).scheduled();
        assertTier(FlagRules.missedCheckIns(h), FlagCode.MISSED_CHECK_INS, expected);
    }

    @Test
    void the_codes_tiers_and_patient_messages_are_those_of_red_flags_md() {
        assertThat(FlagCode.values()).extracting(c -> c.name() + "/" + c.tier()).containsExactly(
                "CAUDA_EQUINA_SIGNS/URGENT", "PROGRESSIVE_NEURO_DEFICIT/URGENT", "FEVER/HIGH",
                "UNEXPLAINED_WEIGHT_LOSS/HIGH", "SEVERE_ACUTE_INJURY/HIGH", "PAIN_WORSENS_WITH_WALKING/HIGH",
                "SURGERY_CLEARANCE_MISSING/HIGH", "SHARP_OR_SEVERE_PAIN/ADVISORY", "PAIN_TREND_RISING/ADVISORY",
                "MISSED_CHECK_INS/ADVISORY");
        assertThat(Tier.URGENT.patientMessage()).isEqualTo(
                "Seek emergency medical care today. Do not walk for exercise until a doctor has seen you.");
        assertThat(Tier.HIGH.patientMessage()).isEqualTo("Contact your doctor or therapist before your next walk.");
        assertThat(Tier.ADVISORY.patientMessage()).isEqualTo(
                "Take it easier: shorten or slow your walks until your therapist reviews your plan.");
    }
}
