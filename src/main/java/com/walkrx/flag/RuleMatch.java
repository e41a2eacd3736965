package com.walkrx.flag;

import java.util.List;

/** A rule that matched: its code, and the evidence a clinician reads (check-in ids and the values that matched). */
record RuleMatch(FlagCode code, List<Evidence> evidence) {

    RuleMatch {
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("a match needs evidence");
        }
        evidence = List.copyOf(evidence);
    }

    RuleMatch(FlagCode code, Evidence... evidence) {
        this(code, List.of(evidence));
    }

    /** One piece of evidence; {@code checkInId} is null for facts that no check-in carries (surgery, silence). */
    record Evidence(Long checkInId, String detail) {
    }
}
