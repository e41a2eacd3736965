package com.walkrx.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One stored response of a patient: its score against the plan's baseline and the raw item answers. The outcomes
 * API lists these, the patient chart draws them, and exports (PDF, FHIR) take them as they are.
 *
 * @param date     the day it was answered (clinic's date)
 * @param baseline the plan's first score of this instrument (PEG, PSFS); null for GROC
 * @param change   score minus baseline; null for GROC
 */
public record OutcomeResponse(long id, long planId, Instrument instrument, Occasion occasion, LocalDate dueDate,
                              LocalDate date, BigDecimal score, BigDecimal baseline, BigDecimal change,
                              boolean importantImprovement, List<ItemAnswer> answers) {

    /**
     * One item's answer: PEG {@code pain}, {@code enjoyment}, {@code activity}; GROC {@code change}; PSFS
     * {@code activities[i]} with the activity's name as {@code label}.
     */
    public record ItemAnswer(String key, String label, int value) {
    }
}
