package com.walkrx.outcome;

import java.time.LocalDate;
import java.util.List;

/**
 * A questionnaire open for the patient's answer (API.md: {@code id, instrument, dueDate, status}).
 *
 * @param activities PSFS after baseline: the activities named at baseline, to be rated in this order; else empty
 */
public record DueQuestionnaire(long id, Instrument instrument, LocalDate dueDate, QuestionnaireStatus status,
                               Occasion occasion, List<String> activities) {
}
