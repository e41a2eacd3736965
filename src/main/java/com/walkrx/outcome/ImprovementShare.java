package com.walkrx.outcome;

/**
 * How many patients reached an important improvement on an instrument at a plan week: of those who answered the
 * questionnaire due that week (and had a baseline), how many showed the important improvement.
 */
public record ImprovementShare(Instrument instrument, int week, long answered, long improved) {

    /** 0.0-1.0, null when nobody answered. */
    public Double share() {
        return answered == 0 ? null : (double) improved / answered;
    }
}
