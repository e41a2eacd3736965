package com.walkrx.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a plan's history, never changed once written. */
@Entity
@Table(name = "plan_change")
class PlanChange {

    static final String SYSTEM = "WalkRx (automatic)";

    @Id
    @GeneratedValue(generator = "plan_change_seq")
    @SequenceGenerator(name = "plan_change_seq", sequenceName = "plan_change_seq", allocationSize = 50)
    private Long id;
    private long planId;
    private Long changedBy;
    private String changedByName;
    private Instant changedAt;
    private String summary;

    protected PlanChange() {
    }

    PlanChange(long planId, Long changedBy, String changedByName, Instant changedAt, String summary) {
        this.planId = planId;
        this.changedBy = changedBy;
        this.changedByName = changedByName;
        this.changedAt = changedAt;
        this.summary = summary;
    }

    PlanChangeView view() {
        return new PlanChangeView(id, planId, changedAt, changedByName == null ? SYSTEM : changedByName, summary);
    }
}
