package com.walkrx.dashboard;

/**
 * A patient's latest daily pain against their baseline (the mean of the first 7 plan days that have a
 * pain score). The clinically important change (Ostelo 2008) is an improvement of 2 points or of 30% of
 * the baseline; the test is done in whole numbers, so the boundaries are exact.
 *
 * @param baselineSum  the sum of the baseline days' pain scores
 * @param baselineDays how many days the baseline has (1-7)
 * @param latest       the latest day's overall pain
 */
public record PainChange(int baselineSum, int baselineDays, int latest) {

    public PainChange {
        if (baselineDays < 1 || baselineDays > 7) {
            throw new IllegalArgumentException("baselineDays must be 1-7: " + baselineDays);
        }
    }

    /** The baseline mean. */
    public double baseline() {
        return (double) baselineSum / baselineDays;
    }

    /** Latest minus baseline: negative is better. */
    public double change() {
        return latest - baseline();
    }

    /** True when the pain fell by at least 2 points or by at least 30% of the baseline. */
    public boolean clinicallyImportant() {
        return reachesClinicallyImportantChange(baselineSum, baselineDays, latest, 1);
    }

    /** True when the pain rose by 2 points or more: worth a look, like an improvement is worth a tick. */
    public boolean clinicallyImportantWorsening() {
        return latest * baselineDays - baselineSum >= 2 * baselineDays;
    }

    /**
     * Whether a mean of {@code laterSum / laterDays} improves on the baseline {@code baseSum / baseDays} by the
     * clinically important change. With B = S/n and X = T/m: B - X >= 2 iff Sm - Tn >= 2nm, and
     * B - X >= 0.3 B iff 10 (Sm - Tn) >= 3 Sm. A baseline of 0 cannot improve.
     */
    public static boolean reachesClinicallyImportantChange(long baseSum, long baseDays, long laterSum, long laterDays) {
        long scaledImprovement = baseSum * laterDays - laterSum * baseDays;
        if (scaledImprovement <= 0) {
            return false;
        }
        return scaledImprovement >= 2 * baseDays * laterDays || 10 * scaledImprovement >= 3 * baseSum * laterDays;
    }
}
