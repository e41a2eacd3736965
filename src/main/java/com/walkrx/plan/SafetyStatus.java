package com.walkrx.plan;

import java.util.List;

/** What the flag module tells plans: is the patient held back by a serious flag. Implemented by the flag module. */
public interface SafetyStatus {

    /** True while an URGENT or HIGH flag of the patient is open or acknowledged (not resolved). */
    boolean hasOpenUrgentOrHigh(long patientId);

    /** The patient messages of the patient's unresolved flags, most severe first, without repeats. */
    List<String> openAdvice(long patientId);
}
