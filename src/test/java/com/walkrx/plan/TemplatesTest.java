package com.walkrx.plan;

import com.walkrx.base.clinical.Surface;
import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.plan.Templates.PhaseSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The templates read from plans/templates.json carry exactly the numbers of walking-plans.md. */
class TemplatesTest {

    private final Templates templates = new Templates();

    @ParameterizedTest(name = "{0} phase {1}")
    @CsvSource(nullValues = "-", textBlock = """
            # template  , phase, minDays, perDay, perWeek, minMin, minMax, surfaces     , timing              , boost, rise, cap  , gateMax, gateCheckIns, locked
            STANDARD    , 1    , 14     , 3     , -      , 10    , 10    , FLAT         , ideally before meals, -    , 0   , 10000, -      , -           , false
            STANDARD    , 2    , 14     , 2     , -      , 15    , 20    , FLAT         , -                   , 1000 , 0   , 10000, -      , -           , false
            STANDARD    , 3    , 7      , -     , 5      , 30    , 30    , FLAT;INCLINE , -                   , 2000 , 1000, 10000, -      , -           , false
            ACUTE       , 0    , 5      , 3     , -      , 5     , 5     , FLAT         , -                   , -    , 0   , 10000, 4      , 3           , false
            ACUTE       , 1    , 14     , 3     , -      , 10    , 10    , FLAT         , ideally before meals, -    , 0   , 10000, -      , -           , false
            ACUTE       , 2    , 14     , 2     , -      , 15    , 20    , FLAT         , -                   , 1000 , 0   , 10000, -      , -           , false
            ACUTE       , 3    , 7      , -     , 5      , 30    , 30    , FLAT;INCLINE , -                   , 2000 , 1000, 10000, -      , -           , false
            POST_SURGERY, 1    , 14     , 3     , -      , 10    , 10    , FLAT         , ideally before meals, -    , 0   , 10000, -      , -           , true
            POST_SURGERY, 2    , 14     , 2     , -      , 15    , 20    , FLAT         , -                   , 1000 , 0   , 10000, -      , -           , true
            POST_SURGERY, 3    , 7      , -     , 5      , 30    , 30    , FLAT;INCLINE , -                   , 2000 , 1000, 10000, -      , -           , true
            """)
    void every_phase_has_the_numbers_of_walking_plans_md(Template template, int number, int minDays, Integer perDay,
                                                         Integer perWeek, int minMin, int minMax, String surfaces,
                                                         String timing, Integer boost, int rise, int cap,
                                                         Integer gateMax, Integer gateCheckIns, boolean locked) {
        Templates.Assembled t = templates.get(template);
        PhaseSpec p = t.phases().stream().filter(s -> s.number() == number).findFirst().orElseThrow();
        assertThat(p.minDays()).isEqualTo(minDays);
        assertThat(p.walksPerDay()).isEqualTo(perDay);
        assertThat(p.walksPerWeek()).isEqualTo(perWeek);
        assertThat(p.minutesMin()).isEqualTo(minMin);
        assertThat(p.minutesMax()).isEqualTo(minMax);
        assertThat(p.surfaces()).containsExactly(List.of(surfaces.split(";")).stream().map(Surface::valueOf)
                .toArray(Surface[]::new));
        assertThat(p.timing()).isEqualTo(timing == null ? "" : timing);
        assertThat(p.step().boost()).isEqualTo(boost);
        assertThat(p.step().weeklyRise()).isEqualTo(rise);
        assertThat(p.step().cap()).isEqualTo(cap);
        assertThat(p.painGate() == null ? null : p.painGate().maxPain()).isEqualTo(gateMax);
        assertThat(p.painGate() == null ? null : p.painGate().checkIns()).isEqualTo(gateCheckIns);
        assertThat(t.lockedUntilClearance()).isEqualTo(locked);
    }

    @Test
    void acute_is_phase_0_then_the_standard_phases_and_post_surgery_the_standard_ones() {
        assertThat(templates.get(Template.STANDARD).phases()).extracting(PhaseSpec::number).containsExactly(1, 2, 3);
        assertThat(templates.get(Template.ACUTE).phases()).extracting(PhaseSpec::number).containsExactly(0, 1, 2, 3);
        assertThat(templates.get(Template.POST_SURGERY).phases()).extracting(PhaseSpec::number).containsExactly(1, 2, 3);
        assertThat(templates.get(Template.POST_SURGERY).phases()).allMatch(p ->
                p.guidance().startsWith("Recent surgery: follow your surgeon's specific guidance."));
        assertThat(templates.get(Template.ACUTE).phases().getFirst().guidance()).contains("Stop if your pain intensifies");
    }

    @Test
    void the_guidance_covers_surfaces_posture_footwear_and_poles_and_when_to_stop() {
        assertThat(String.join(" ", templates.guidance()))
                .contains("Flat surfaces first", "hills strain the lower back", "rope from your feet",
                        "arms swing", "cushioned shoes with arch support", "Walking poles", "lumbar support belt",
                        "layers", "Sharp or worsening pain");
        assertThat(templates.whenToStop()).hasSize(3);
        assertThat(templates.whenToStop().get(0)).startsWith("Seek emergency medical care today")
                .contains("bladder or bowels");
        assertThat(templates.whenToStop().get(1)).startsWith("Contact your doctor or therapist before your next walk");
        assertThat(templates.whenToStop().get(2)).contains("shortening or slowing your walks");
    }

    @Test
    void a_prescription_reads_in_plain_words() {
        PhaseView one = new PhaseView(1, 14, 3, null, 10, 10, List.of(Surface.FLAT), null, null, "", "ideally before meals",
                "", false);
        PhaseView two = new PhaseView(2, 14, 2, null, 15, 20, List.of(Surface.FLAT), null, null, "", "", "", false);
        PhaseView three = new PhaseView(3, 7, null, 5, 30, 30, List.of(Surface.FLAT, Surface.INCLINE), null, null, "",
                "", "", false);
        assertThat(one.words()).isEqualTo("3 walks of 10 minutes, flat ground, ideally before meals");
        assertThat(two.words()).isEqualTo("2 walks of 15-20 minutes, flat ground");
        assertThat(three.words()).isEqualTo("5 walks a week of 30 minutes, flat ground or gentle inclines");
        assertThat(PrescriptionWords.today(three, 1, 2))
                .isEqualTo("1 walk of 30 minutes today, flat ground or gentle inclines (2 of 5 walks done this week)");
        assertThat(PrescriptionWords.today(three, 0, 5)).startsWith("Your 5 walks this week are done");
    }
}
