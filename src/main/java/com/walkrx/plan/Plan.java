package com.walkrx.plan;

import com.walkrx.base.jpa.VersionedEntity;
import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.base.api.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A patient's walking plan and its phases: one aggregate, one version for optimistic locking. */
@Entity
@Table(name = "plan")
@SequenceGenerator(sequenceName = "plan_seq", allocationSize = 50)
class Plan extends VersionedEntity {

    private long clinicId;
    private long patientId;
    @Enumerated(EnumType.STRING)
    private Template template;
    @Enumerated(EnumType.STRING)
    private PlanStatus status;
    private int currentPhase;
    private LocalDate phaseStartedOn;
    private LocalDate startDate;
    private boolean autoAdvance;
    private String overrideReason;
    private String pauseReason;
    private String pausedForFlag;
    private Instant createdAt;
    private Long createdBy;
    private Instant activatedAt;
    private Instant endedAt;
    private Instant updatedAt;
    /** Created in this unit of work (not loaded): its row is inserted, not versioned, when it is flushed. */
    @Transient
    private boolean fresh;
    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    private List<PlanPhase> phases = new ArrayList<>();

    protected Plan() {
    }

    Plan(long clinicId, long patientId, Template template, LocalDate startDate, int firstPhase, Long createdBy,
         Instant now) {
        this.clinicId = clinicId;
        this.patientId = patientId;
        this.template = template;
        this.status = PlanStatus.DRAFT;
        this.startDate = startDate;
        this.currentPhase = firstPhase;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        this.fresh = true;
    }

    boolean isFresh() { return fresh; }

    void addPhase(PlanPhase phase) {
        phase.attachTo(this);
        phases.add(phase);
    }

    long getClinicId() { return clinicId; }

    long getPatientId() { return patientId; }

    Template getTemplate() { return template; }

    PlanStatus getStatus() { return status; }

    int getCurrentPhase() { return currentPhase; }

    LocalDate getPhaseStartedOn() { return phaseStartedOn; }

    LocalDate getStartDate() { return startDate; }

    boolean isAutoAdvance() { return autoAdvance; }

    String getOverrideReason() { return overrideReason; }

    String getPauseReason() { return pauseReason; }

    String getPausedForFlag() { return pausedForFlag; }

    Instant getActivatedAt() { return activatedAt; }

    List<PlanPhase> getPhases() { return phases; }

    Optional<PlanPhase> phase(int number) {
        return phases.stream().filter(p -> p.getNumber() == number).findFirst();
    }

    PlanPhase current() {
        return phase(currentPhase).orElseThrow();
    }

    Optional<PlanPhase> next() {
        return phases.stream().filter(p -> p.getNumber() > currentPhase).findFirst();
    }

    int firstPhaseNumber() {
        return phases.getFirst().getNumber();
    }

    /** The first day the prescription applies: the later of the start date and the day of activation. */
    LocalDate activationDate(ZoneId zone) {
        if (activatedAt == null) {
            return null;
        }
        LocalDate activated = activatedAt.atZone(zone).toLocalDate();
        return startDate.isAfter(activated) ? startDate : activated;
    }

    /** Every change moves updated_at, so the version moves with any change to the plan or its phases. */
    void touch(Instant now) {
        this.updatedAt = now;
    }

    /** Refuses activation unless the plan is a draft (PLAN_NOT_DRAFT). */
    void checkActivatable() {
        if (status != PlanStatus.DRAFT) {
            throw new ConflictException("PLAN_NOT_DRAFT", "Only a draft plan can be activated; this one is "
                    + status.words() + ".");
        }
    }

    void activate(Instant now, LocalDate phaseStart, String overrideReason) {
        checkActivatable();
        this.status = PlanStatus.ACTIVE;
        this.activatedAt = now;
        this.phaseStartedOn = phaseStart;
        if (overrideReason != null) {
            this.overrideReason = overrideReason;
        }
    }

    /** Pauses an active plan; any other refuses (PLAN_NOT_ACTIVE). */
    void pause(String reason, String flagCode) {
        if (status != PlanStatus.ACTIVE) {
            throw new ConflictException("PLAN_NOT_ACTIVE", "Only an active plan can be paused.");
        }
        this.status = PlanStatus.PAUSED;
        this.pauseReason = reason;
        this.pausedForFlag = flagCode;
    }

    /** Resumes a paused plan; any other refuses (PLAN_NOT_PAUSED). */
    void resume() {
        if (status != PlanStatus.PAUSED) {
            throw new ConflictException("PLAN_NOT_PAUSED", "Only a paused plan can be resumed.");
        }
        this.status = PlanStatus.ACTIVE;
        this.pauseReason = null;
        this.pausedForFlag = null;
    }

    /** Ends a live plan; an ended one refuses (PLAN_ENDED). */
    void end(Instant now) {
        if (status == PlanStatus.ENDED) {
            throw new ConflictException("PLAN_ENDED", "This plan has ended already.");
        }
        this.status = PlanStatus.ENDED;
        this.endedAt = now;
    }

    void moveToPhase(int number, LocalDate today) {
        this.currentPhase = number;
        this.phaseStartedOn = today;
    }

    void setAutoAdvance(boolean autoAdvance) {
        this.autoAdvance = autoAdvance;
    }

    /** For demo data: a plan that has run since {@code activatedAt}, now in {@code phase} since {@code phaseStart}. */
    void activateAsOf(Instant activatedAt, int phase, LocalDate phaseStart) {
        this.status = PlanStatus.ACTIVE;
        this.activatedAt = activatedAt;
        this.currentPhase = phase;
        this.phaseStartedOn = phaseStart;
    }
}
