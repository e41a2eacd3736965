package com.walkrx.demo;

import java.time.LocalDate;
import java.util.List;

/** Lets a feature module add its part (plans, flags) to freshly seeded demo patients, in the same transaction. */
public interface DemoPlanAssigner {

    void assignPlans(List<DemoPatient> patients, LocalDate today);
}
