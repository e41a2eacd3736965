package com.walkrx.checkin;

import com.walkrx.base.clinical.SymptomLevel;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A stored check-in with its walks; written once, never edited (no version). */
@Entity
@Table(name = "check_in")
class CheckIn {

    @Id
    @GeneratedValue(generator = "check_in_seq")
    @SequenceGenerator(name = "check_in_seq", sequenceName = "check_in_seq", allocationSize = 50)
    private Long id;
    private long clinicId;
    private long patientId;
    private LocalDate date;
    private Instant recordedAt;
    private Short overallPain;
    private Integer steps;
    private String notes;
    @Enumerated(EnumType.STRING)
    private SymptomLevel numbnessTingling;
    @Enumerated(EnumType.STRING)
    private SymptomLevel legWeakness;
    private Boolean bothLegs;
    private Boolean saddleNumbness;
    private Boolean bladderBowelProblems;
    private Boolean fever;
    private Boolean unexplainedWeightLoss;
    private Boolean newInjuryOrFall;
    private String idempotencyKey;
    private String reply;
    @OneToMany(mappedBy = "checkIn", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<Walk> walks = new ArrayList<>();

    protected CheckIn() {
    }

    CheckIn(long clinicId, long patientId, CheckInCommand command, String idempotencyKey, Instant recordedAt) {
        this.clinicId = clinicId;
        this.patientId = patientId;
        this.date = command.date();
        this.recordedAt = recordedAt;
        this.overallPain = command.overallPain() == null ? null : (short) command.overallPain().value();
        this.steps = command.steps() == null ? null : command.steps().value();
        this.notes = command.notes();
        Symptoms s = command.symptoms();
        if (s != null) {
            this.numbnessTingling = s.numbnessTingling();
            this.legWeakness = s.legWeakness();
            this.bothLegs = s.bothLegs();
            this.saddleNumbness = s.saddleNumbness();
            this.bladderBowelProblems = s.bladderBowelProblems();
            this.fever = s.fever();
            this.unexplainedWeightLoss = s.unexplainedWeightLoss();
            this.newInjuryOrFall = s.newInjuryOrFall();
        }
        this.idempotencyKey = idempotencyKey;
        int position = 0;
        for (WalkEntry w : command.walks()) {
            walks.add(new Walk(this, position++, w));
        }
    }

    Long getId() { return id; }

    long getClinicId() { return clinicId; }

    long getPatientId() { return patientId; }

    LocalDate getDate() { return date; }

    void rememberReply(String replyJson) {
        this.reply = replyJson;
    }
}
