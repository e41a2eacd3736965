package com.walkrx.plan;

import com.walkrx.base.jpa.SequencedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import com.walkrx.base.clinical.Surface;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

@Entity
@Table(name = "plan_phase")
@SequenceGenerator(sequenceName = "plan_phase_seq", allocationSize = 50)
class PlanPhase extends SequencedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    private Plan plan;
    private int number;
    private int minDays;
    private Integer walksPerDay;
    private Integer walksPerWeek;
    private int minutesMin;
    private int minutesMax;
    private String surfaces;
    private Integer stepTarget;
    private String guidance;
    private String timing;
    private boolean locked;
    private Integer stepBoost;
    private int stepWeeklyRise;
    private int stepCap;
    private Integer painGateMax;
    private Integer painGateCheckIns;

    protected PlanPhase() {
    }

    static PlanPhase from(Templates.PhaseSpec spec, boolean locked) {
        PlanPhase p = new PlanPhase();
        p.number = spec.number();
        p.minDays = spec.minDays();
        p.walksPerDay = spec.walksPerDay();
        p.walksPerWeek = spec.walksPerWeek();
        p.minutesMin = spec.minutesMin();
        p.minutesMax = spec.minutesMax();
        p.surfaces = encode(spec.surfaces());
        p.stepTarget = null;
        p.guidance = spec.guidance() == null ? "" : spec.guidance();
        p.timing = spec.timing() == null ? "" : spec.timing();
        p.locked = locked;
        p.stepBoost = spec.step() == null ? null : spec.step().boost();
        p.stepWeeklyRise = spec.step() == null ? 0 : spec.step().weeklyRise();
        p.stepCap = spec.step() == null ? 10_000 : spec.step().cap();
        p.painGateMax = spec.painGate() == null ? null : spec.painGate().maxPain();
        p.painGateCheckIns = spec.painGate() == null ? null : spec.painGate().checkIns();
        return p;
    }

    void attachTo(Plan plan) {
        this.plan = plan;
    }

    int getNumber() { return number; }

    int getMinDays() { return minDays; }

    Integer getWalksPerDay() { return walksPerDay; }

    Integer getWalksPerWeek() { return walksPerWeek; }

    int getMinutesMin() { return minutesMin; }

    int getMinutesMax() { return minutesMax; }

    List<Surface> getSurfaces() { return decode(surfaces); }

    Integer getStepTarget() { return stepTarget; }

    String getGuidance() { return guidance; }

    String getTiming() { return timing; }

    boolean isLocked() { return locked; }

    Integer getStepBoost() { return stepBoost; }

    int getStepWeeklyRise() { return stepWeeklyRise; }

    int getStepCap() { return stepCap; }

    void unlock() {
        this.locked = false;
    }

    void apply(PhaseEdit edit) {
        this.minDays = edit.minDays();
        this.walksPerDay = edit.walksPerDay();
        this.walksPerWeek = edit.walksPerWeek();
        this.minutesMin = edit.minutesMin();
        this.minutesMax = edit.minutesMax();
        this.surfaces = encode(edit.surfaces());
        this.stepTarget = edit.stepTarget();
        this.timing = edit.timing() == null ? "" : edit.timing().trim();
        this.guidance = edit.guidance() == null ? "" : edit.guidance().trim();
    }

    void shortenWalks(int minutesMin, int minutesMax) {
        this.minutesMin = minutesMin;
        this.minutesMax = minutesMax;
    }

    Progression.Phase rules() {
        return new Progression.Phase(number, minDays, walksPerDay, walksPerWeek, minutesMin, minutesMax, painGateMax,
                painGateCheckIns, locked);
    }

    /** How the step target is set, in words. */
    String stepRuleWords() {
        if (stepTarget != null) {
            return String.format("%,d steps a day (set by the clinician)", stepTarget);
        }
        if (stepBoost == null) {
            return "No step target: the patient's usual daily steps";
        }
        StringBuilder sb = new StringBuilder(String.format("Baseline + %,d", stepBoost));
        if (stepWeeklyRise > 0) {
            sb.append(String.format(", +%,d a week", stepWeeklyRise));
        }
        sb.append(String.format(", at most %,d", stepCap));
        return sb.toString();
    }

    /** Stored form of the allowed surfaces: "FLAT,INCLINE". */
    static String encode(Collection<Surface> surfaces) {
        return String.join(",", Surface.sorted(surfaces).stream().map(Enum::name).toList());
    }

    static List<Surface> decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Surface.sorted(Arrays.stream(stored.split(",")).map(String::trim).map(Surface::valueOf).toList());
    }
}
