package com.walkrx.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How the instruments are scored and what counts as an important improvement. Scores are kept to one decimal
 * (half up, so {5, 4, 4} scores 4.3) and the improvement is decided on those one-decimal scores, so what a
 * clinician reads is what was tested.
 */
public final class Scoring {

    /** PEG: an important improvement is a fall of at least 30% from baseline (Krebs 2009 and the IMMPACT benchmark). */
    public static final BigDecimal PEG_FALL = new BigDecimal("0.30");
    /** PSFS: an important improvement is a rise of at least 2 points on the mean (Stratford 1995: MDC 2 points). */
    public static final BigDecimal PSFS_RISE = new BigDecimal("2.0");
    /** GROC: +4 ("moderately better") or more is an important improvement. */
    public static final int GROC_IMPROVED = 4;

    private Scoring() {
    }

    /** The mean of the item answers, to one decimal, half up. */
    public static BigDecimal mean(List<Integer> answers) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("no answers");
        }
        int sum = answers.stream().mapToInt(Integer::intValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answers.size()), 1, RoundingMode.HALF_UP);
    }

    /** The score of one response: PEG and PSFS the mean of their items, GROC its one answer. */
    public static BigDecimal score(Instrument instrument, List<Integer> answers) {
        return instrument == Instrument.GROC ? BigDecimal.valueOf(answers.getFirst()).setScale(1) : mean(answers);
    }

    /**
     * The score below (PEG) or above (PSFS) which the important improvement from this baseline is reached; GROC's
     * threshold is fixed. Null when none can be reached (a PEG baseline of 0).
     */
    public static BigDecimal threshold(Instrument instrument, BigDecimal baseline) {
        return switch (instrument) {
            case PEG -> baseline == null || baseline.signum() <= 0 ? null
                    : baseline.multiply(BigDecimal.ONE.subtract(PEG_FALL));
            case PSFS -> baseline == null ? null : baseline.add(PSFS_RISE);
            case GROC -> BigDecimal.valueOf(GROC_IMPROVED);
        };
    }

    /** Whether {@code score} is an important improvement on {@code baseline} (GROC ignores the baseline). */
    public static boolean importantImprovement(Instrument instrument, BigDecimal baseline, BigDecimal score) {
        return switch (instrument) {
            // a fall of at least 30%: score <= 0.7 x baseline, exactly (6.0 -> 4.2 is 30%, 4.3 is 28%)
            case PEG -> baseline != null && baseline.signum() > 0
                    && score.compareTo(threshold(instrument, baseline)) <= 0;
            case PSFS -> baseline != null && score.subtract(baseline).compareTo(PSFS_RISE) >= 0;
            case GROC -> score.compareTo(BigDecimal.valueOf(GROC_IMPROVED)) >= 0;
        };
    }
}
