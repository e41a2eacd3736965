package com.walkrx.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient's own progress, in numbers simple enough to say in words.
 *
 * @param firstPainAfterWalks  mean pain after walks over the first 7 days with walks, null without walks
 * @param recentPainAfterWalks mean pain after walks over the latest 7 days with walks
 * @param weeks                one point per week since the start, oldest first
 */
public record MyProgress(String givenName, LocalDate startedOn, PainChange painChange, Double firstPainAfterWalks,
                         Double recentPainAfterWalks, int totalWalks, int totalMinutes, int walksLast7Days,
                         int minutesLast7Days, List<Week> weeks) {

    /** One week of the plan: its number (1 = the first), first day, mean daily pain, mean pain after walks, walks. */
    public record Week(int number, LocalDate startsOn, Double meanPain, Double meanPainAfterWalks, int walks) {
    }
}
