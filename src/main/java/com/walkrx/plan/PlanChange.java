package com.walkrx.plan;

import com.walkrx.base.jpa.SequencedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a plan's history, never changed once written. */
@Entity
@Table(name = "plan_change")
@SequenceGenerator(sequenceName = "plan_change_seq", allocationSize = 50)
class PlanChange extends SequencedEntity {

    static final String SYSTEM = "WalkRx (automatic)";

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
        return new PlanChangeView(getId(), planId, changedAt, changedByName == null ? SYSTEM : changedByName, summary);
    }
}
