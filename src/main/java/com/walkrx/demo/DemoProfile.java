package com.walkrx.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * One demo patient's story: who they are, how long they have walked, where their pain starts and
 * ends, and what (if anything) should make the portal say "see a doctor".
 */
public record DemoProfile(int number, String givenName, String familyName, LocalDate dateOfBirth, String condition,
                          String acuity, int daysOnPlan, int onsetDaysBeforeStart, Integer surgeryWeeksAgo,
                          boolean cleared, String template, double startPain, double endPain, double adherence,
                          Story story) {

    /** What the last days of the history hold. */
    public enum Story {
        STEADY, PAIN_RISES_WITH_WALKS, BLADDER_PROBLEMS, STOPPED_CHECKING_IN, FEVER, SHARP_PAIN, WORSENING_NUMBNESS,
        PAIN_TREND_RISING
    }

    static List<DemoProfile> all() {
        return List.of(
                new DemoProfile(1, "Ada", "Byrne", LocalDate.of(1961, 4, 2), "CHRONIC_LOW_BACK_PAIN", "CHRONIC", 55, 400, null, false, "STANDARD", 6.5, 3.0, 0.95, Story.STEADY),
                new DemoProfile(2, "Tomás", "Novak", LocalDate.of(1974, 9, 14), "SCIATICA", "CHRONIC", 50, 120, null, false, "STANDARD", 7.0, 4.0, 0.85, Story.STEADY),
                new DemoProfile(3, "Grace", "Okafor", LocalDate.of(1958, 1, 23), "HERNIATED_DISC", "CHRONIC", 40, 200, null, false, "STANDARD", 5.5, 5.0, 0.8, Story.PAIN_RISES_WITH_WALKS),
                new DemoProfile(4, "Liam", "Walsh", LocalDate.of(1983, 6, 30), "MUSCLE_STRAIN", "ACUTE", 12, 10, null, false, "ACUTE", 6.0, 3.5, 0.9, Story.STEADY),
                new DemoProfile(5, "Mei", "Chen", LocalDate.of(1969, 11, 5), "SCIATICA", "CHRONIC", 30, 90, null, false, "STANDARD", 6.0, 5.0, 0.75, Story.BLADDER_PROBLEMS),
                new DemoProfile(6, "Oluwaseun", "Adeyemi", LocalDate.of(1977, 3, 17), "CHRONIC_LOW_BACK_PAIN", "CHRONIC", 55, 700, 10, true, "POST_SURGERY", 5.0, 2.0, 0.9, Story.STEADY),
                new DemoProfile(7, "Hannah", "Fischer", LocalDate.of(1990, 8, 8), "LUMBAR_DISCOMFORT", "CHRONIC", 35, 150, null, false, "STANDARD", 4.5, 3.0, 0.6, Story.STOPPED_CHECKING_IN),
                new DemoProfile(8, "Rajesh", "Kumar", LocalDate.of(1955, 12, 12), "CHRONIC_LOW_BACK_PAIN", "CHRONIC", 55, 900, null, false, "STANDARD", 7.5, 4.5, 0.88, Story.STEADY),
                new DemoProfile(9, "Sofia", "Rossi", LocalDate.of(1966, 5, 21), "MUSCLE_STRAIN", "CHRONIC", 25, 60, null, false, "STANDARD", 5.0, 4.0, 0.8, Story.FEVER),
                new DemoProfile(10, "Kwame", "Mensah", LocalDate.of(1972, 2, 9), "SCIATICA", "CHRONIC", 45, 300, null, false, "STANDARD", 6.0, 4.0, 0.9, Story.SHARP_PAIN),
                new DemoProfile(11, "Ingrid", "Larsen", LocalDate.of(1949, 7, 3), "HERNIATED_DISC", "CHRONIC", 20, 100, null, false, "STANDARD", 5.0, 5.5, 0.85, Story.WORSENING_NUMBNESS),
                new DemoProfile(12, "Diego", "Fernández", LocalDate.of(1980, 10, 27), "CHRONIC_LOW_BACK_PAIN", "CHRONIC", 28, 500, null, false, "STANDARD", 4.0, 6.5, 0.8, Story.PAIN_TREND_RISING));
    }
}
