package com.walkrx.flag;

import com.walkrx.base.jpa.VersionedEntity;
import com.walkrx.base.clinical.Tier;
import com.walkrx.base.api.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A raised flag and its lifecycle: OPEN -> ACKNOWLEDGED -> RESOLVED (or OPEN -> RESOLVED in one step). */
@Entity
@Table(name = "flag")
@SequenceGenerator(sequenceName = "flag_seq", allocationSize = 50)
class Flag extends VersionedEntity {

    private long clinicId;
    private long patientId;
    @Enumerated(EnumType.STRING)
    private FlagCode code;
    @Enumerated(EnumType.STRING)
    private Tier tier;
    @Enumerated(EnumType.STRING)
    private FlagStatus status;
    private Instant raisedAt;
    private String basis;
    private String patientMessage;
    private Long acknowledgedBy;
    private String acknowledgedByName;
    private Instant acknowledgedAt;
    private String acknowledgeNote;
    private Long resolvedBy;
    private String resolvedByName;
    private boolean resolvedBySystem;
    private Instant resolvedAt;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Enumerated(EnumType.STRING)
    private FlagAction action;
    private String resolveNote;

    @OneToMany(mappedBy = "flag", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("id")
    private List<FlagEvidenceEntry> evidence = new ArrayList<>();

    protected Flag() {
    }

    Flag(long clinicId, long patientId, FlagCode code, Instant raisedAt) {
        this.clinicId = clinicId;
        this.patientId = patientId;
        this.code = code;
        this.tier = code.tier();
        this.status = FlagStatus.OPEN;
        this.raisedAt = raisedAt;
        this.basis = code.basis();
        this.patientMessage = code.patientMessage();
    }

    /** Adds evidence unless the same check-in and detail are already on record; true when added. */
    boolean addEvidence(Long checkInId, String detail, Instant at) {
        boolean known = evidence.stream().anyMatch(e -> e.sameAs(checkInId, detail));
        if (known) {
            return false;
        }
        evidence.add(new FlagEvidenceEntry(this, checkInId, detail, at));
        return true;
    }

    /** The most recent evidence, in words (for pause and step-back reasons). */
    String latestDetail() {
        return evidence.isEmpty() ? code.criterion() : evidence.getLast().detail();
    }

    void acknowledge(long userId, String userName, String note, Instant at) {
        if (status != FlagStatus.OPEN) {
            throw new ConflictException("FLAG_NOT_OPEN", "This flag is " + status.label().toLowerCase()
                    + " already; only an open flag can be acknowledged.");
        }
        status = FlagStatus.ACKNOWLEDGED;
        acknowledgedBy = userId;
        acknowledgedByName = userName;
        acknowledgedAt = at;
        acknowledgeNote = note;
    }

    /** URGENT and HIGH flags are closed only with what was done and a note (issue 20). */
    boolean needsDocumentedAction() {
        return tier == Tier.URGENT || tier == Tier.HIGH;
    }

    void resolve(long userId, String userName, Outcome outcome, FlagAction action, String note, Instant at) {
        if (status == FlagStatus.RESOLVED) {
            throw new ConflictException("FLAG_RESOLVED", "This flag is resolved already.");
        }
        if (needsDocumentedAction() && (action == null || note == null || note.isBlank())) {
            throw new IllegalStateException("an " + tier + " flag needs an action and a note");
        }
        if (status == FlagStatus.OPEN) { // resolving an open flag acknowledges it in the same step
            acknowledgedBy = userId;
            acknowledgedByName = userName;
            acknowledgedAt = at;
        }
        status = FlagStatus.RESOLVED;
        resolvedBy = userId;
        resolvedByName = userName;
        resolvedAt = at;
        this.outcome = outcome;
        this.action = action;
        resolveNote = note;
    }

    /** The system resolves a flag whose cause went away (MISSED_CHECK_INS after a new check-in). */
    void resolveBySystem(String note, Instant at) {
        if (status == FlagStatus.RESOLVED) {
            return;
        }
        status = FlagStatus.RESOLVED;
        resolvedBySystem = true;
        resolvedAt = at;
        resolveNote = note;
    }

    long getClinicId() { return clinicId; }

    long getPatientId() { return patientId; }

    FlagCode getCode() { return code; }

    Tier getTier() { return tier; }

    FlagStatus getStatus() { return status; }
}
