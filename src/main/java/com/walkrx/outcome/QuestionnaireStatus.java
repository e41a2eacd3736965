package com.walkrx.outcome;

/** Where a questionnaire stands on a given day. Only DUE and OVERDUE ones are open for an answer. */
public enum QuestionnaireStatus {
    DUE, OVERDUE, ANSWERED, MISSED;

    public boolean open() {
        return this == DUE || this == OVERDUE;
    }
}
