package com.walkrx.dashboard;

/**
 * What to narrow a caseload to. {@code phase} is a plan phase number, {@link #NO_PLAN} for patients
 * without a live plan, or null for any.
 */
public record CaseloadFilter(String name, boolean openFlagsOnly, boolean noRecentCheckIn, Integer phase,
                             CaseloadSort sort, boolean descending) {

    /** The phase filter value for patients without a live plan. */
    public static final int NO_PLAN = -1;
    /** Days without a check-in that count as "no recent check-in" (as MISSED_CHECK_INS counts them). */
    public static final int STALE_DAYS = 3;

    public static final CaseloadFilter TRIAGE = new CaseloadFilter("", false, false, null, CaseloadSort.TRIAGE, false);

    public CaseloadFilter {
        name = name == null ? "" : name.trim();
        sort = sort == null ? CaseloadSort.TRIAGE : sort;
    }

    /** The filter as the audit trail records it with the patients a page showed. */
    public String describe() {
        StringBuilder d = new StringBuilder("sort=").append(sort).append(descending ? " desc" : "");
        if (!name.isEmpty()) {
            d.append(", name contains \"").append(name).append('"');
        }
        if (openFlagsOnly) {
            d.append(", open flags only");
        }
        if (noRecentCheckIn) {
            d.append(", no check-in for ").append(STALE_DAYS).append(" days");
        }
        if (phase != null) {
            d.append(phase == NO_PLAN ? ", no plan" : ", phase " + phase);
        }
        return d.toString();
    }

    public CaseloadFilter withName(String value) {
        return new CaseloadFilter(value, openFlagsOnly, noRecentCheckIn, phase, sort, descending);
    }
}
