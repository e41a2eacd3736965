package com.walkrx.demo;

import com.walkrx.demo.DemoProfile.Story;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A plausible history of walks and daily check-ins for one demo patient, following the standard (or
 * acute) phases, with pain drifting from the profile's start to its end, and the profile's story in
 * the last days.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class DemoHistory {

    private final DemoProfile profile;
    private final LocalDate start;
    private final LocalDate today;
    private final Random random;

    private record Walk(int minutes, String surface, int before, int after, boolean sharp, Integer steps) {
    }

    void writeTo(JdbcTemplate jdbc, long clinicId, long patientId, ToLongFunction<String> nextId) {
        List<Object[]> checkIns = new ArrayList<>();
        List<Object[]> walks = new ArrayList<>();
        int totalDays = (int) (today.toEpochDay() - start.toEpochDay());
        for (int d = 0; d < totalDays; d++) {
            LocalDate date = start.plusDays(d);
            int daysLeft = totalDays - d; // 1 = yesterday
            if (profile.story() == Story.STOPPED_CHECKING_IN && daysLeft <= 5) {
                continue;
            }
            if (random.nextDouble() > profile.adherence() && daysLeft > 3) {
                continue; // a missed day
            }
            double progress = totalDays <= 1 ? 1 : (double) d / (totalDays - 1);
            double pain = profile.startPain() + (profile.endPain() - profile.startPain()) * progress;
            if (profile.story() == Story.PAIN_TREND_RISING) {
                pain = daysLeft <= 7 ? profile.endPain() : daysLeft <= 14 ? profile.startPain() : profile.startPain() + 0.3;
            }
            int dayPain = clamp((int) Math.round(pain + random.nextGaussian() * 0.6));

            List<Walk> dayWalks = prescribedWalks(d, dayPain);
            if (profile.story() == Story.PAIN_RISES_WITH_WALKS && daysLeft <= 3) {
                dayWalks = dayWalks.stream().map(w -> new Walk(w.minutes(), w.surface(), w.before(),
                        clamp(w.before() + 2 + random.nextInt(2)), false, w.steps())).toList();
            }
            if (profile.story() == Story.SHARP_PAIN && daysLeft == 1 && !dayWalks.isEmpty()) {
                Walk w = dayWalks.getFirst();
                dayWalks = new ArrayList<>(dayWalks);
                dayWalks.set(0, new Walk(w.minutes(), w.surface(), w.before(), clamp(w.before() + 1), true, w.steps()));
            }
            int walkedMinutes = dayWalks.stream().mapToInt(Walk::minutes).sum();
            int steps = 3200 + walkedMinutes * 95 + random.nextInt(900);

            String numbness = "NONE";
            String weakness = "NONE";
            boolean bladder = false;
            boolean fever = false;
            if (profile.story() == Story.BLADDER_PROBLEMS && daysLeft == 1) {
                bladder = true;
            }
            if (profile.story() == Story.FEVER && daysLeft == 2) {
                fever = true;
            }
            if (profile.story() == Story.WORSENING_NUMBNESS && daysLeft == 1) {
                numbness = "WORSENING";
            } else if (profile.condition().equals("SCIATICA") || profile.story() == Story.WORSENING_NUMBNESS) {
                numbness = "SAME_AS_BEFORE";
            }

            long checkInId = nextId.applyAsLong("check_in_seq");
            Timestamp recordedAt = Timestamp.from(date.atTime(LocalTime.of(19, random.nextInt(60)))
                    .toInstant(ZoneOffset.UTC));
            String notes = notes(daysLeft, random);
            checkIns.add(new Object[] {checkInId, clinicId, patientId, Date.valueOf(date), recordedAt, dayPain, steps,
                    notes, numbness, weakness, false, false, bladder, fever, false, false});
            int position = 0;
            for (Walk w : dayWalks) {
                walks.add(new Object[] {nextId.applyAsLong("walk_seq"), checkInId, clinicId, patientId,
                        Date.valueOf(date), position++, w.minutes(), w.surface(), w.before(), w.after(), w.sharp(),
                        w.steps()});
            }
        }
        jdbc.batchUpdate("""
                insert into check_in (id, clinic_id, patient_id, date, recorded_at, overall_pain, steps, notes,
                    numbness_tingling, leg_weakness, both_legs, saddle_numbness, bladder_bowel_problems, fever,
                    unexplained_weight_loss, new_injury_or_fall)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, checkIns);
        jdbc.batchUpdate("""
                insert into walk (id, check_in_id, clinic_id, patient_id, date, position, minutes, surface,
                    pain_before, pain_after, sharp_pain, steps)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, walks);
    }

    /** The walks of day {@code d} of the plan, as the phases prescribe, sometimes one fewer. */
    private List<Walk> prescribedWalks(int d, int dayPain) {
        boolean acute = profile.template().equals("ACUTE");
        int count;
        int minutes;
        String surface = "FLAT";
        if (acute && d < 7) {
            count = 3;
            minutes = 5;
        } else {
            int day = acute ? d - 7 : d;
            if (day < 14) {
                count = 3;
                minutes = 10;
            } else if (day < 28) {
                count = 2;
                minutes = 15 + random.nextInt(6);
            } else {
                count = (day % 7 < 5) ? 1 : 0;
                minutes = 28 + random.nextInt(5);
                surface = random.nextInt(3) == 0 ? "INCLINE" : "FLAT";
            }
        }
        if (count > 1 && random.nextDouble() < 0.15) {
            count--;
        }
        List<Walk> result = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int before = clamp(dayPain + random.nextInt(2));
            int after = clamp(before - 1 - (random.nextInt(3) == 0 ? 1 : 0));
            result.add(new Walk(minutes, surface, before, after, false, minutes * 100 + random.nextInt(200)));
        }
        return result;
    }

    private static String notes(int daysLeft, Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> "Felt looser after the walk.";
            case 1 -> "Stiff in the morning, better by lunch.";
            case 2 -> "Walked with a friend, time flew.";
            default -> daysLeft == 1 ? "Logged in the evening." : null;
        };
    }

    private static int clamp(int pain) {
        return Math.max(0, Math.min(10, pain));
    }
}
