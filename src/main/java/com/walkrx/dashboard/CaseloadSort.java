package com.walkrx.dashboard;

/** The orders a caseload can be read in; TRIAGE is the default. */
public enum CaseloadSort {
    /** Most urgent open flag first, then the oldest open flag of that tier, then the lowest 7-day adherence. */
    TRIAGE,
    NAME,
    ADHERENCE,
    LAST_CHECK_IN,
    /** Overdue questionnaires first, then patients without an important improvement on PEG or PSFS. */
    OUTCOMES
}
