package com.walkrx.patient;

import com.walkrx.base.jpa.VersionedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "patient")
@SequenceGenerator(sequenceName = "patient_seq", allocationSize = 50)
class Patient extends VersionedEntity {

    private long clinicId;
    private Long userId;
    private String givenName;
    private String familyName;
    private LocalDate dateOfBirth;
    @Enumerated(EnumType.STRING)
    private Condition condition;
    @Enumerated(EnumType.STRING)
    private Acuity acuity;
    private LocalDate onsetDate;
    private LocalDate surgeryDate;
    private LocalDate surgeonClearanceDate;
    private String surgeonClearanceLimits;
    private String phone;
    private String email;
    private String emergencyContactName;
    private String emergencyContactPhone;
    private Instant enrolledAt;
    private Long enrolledBy;

    protected Patient() {
    }

    Patient(long clinicId, String givenName, String familyName, LocalDate dateOfBirth, Condition condition,
            Acuity acuity, LocalDate onsetDate, LocalDate surgeryDate, LocalDate surgeonClearanceDate,
            String surgeonClearanceLimits, Long enrolledBy, Instant enrolledAt) {
        this.clinicId = clinicId;
        this.givenName = givenName;
        this.familyName = familyName;
        this.dateOfBirth = dateOfBirth;
        this.condition = condition;
        this.acuity = acuity;
        this.onsetDate = onsetDate;
        this.surgeryDate = surgeryDate;
        this.surgeonClearanceDate = surgeonClearanceDate;
        this.surgeonClearanceLimits = surgeonClearanceLimits;
        this.enrolledBy = enrolledBy;
        this.enrolledAt = enrolledAt;
    }

    long getClinicId() { return clinicId; }

    Long getUserId() { return userId; }

    void setUserId(Long userId) { this.userId = userId; }

    LocalDate getDateOfBirth() { return dateOfBirth; }

    LocalDate getSurgeryDate() { return surgeryDate; }

    LocalDate getSurgeonClearanceDate() { return surgeonClearanceDate; }

    void recordClearance(LocalDate date, String limits) {
        this.surgeonClearanceDate = date;
        this.surgeonClearanceLimits = limits;
    }

    /** A surgery after the clearance on record makes that clearance void: it was for an earlier operation. */
    void recordSurgery(LocalDate date) {
        this.surgeryDate = date;
        if (surgeonClearanceDate != null && surgeonClearanceDate.isBefore(date)) {
            this.surgeonClearanceDate = null;
            this.surgeonClearanceLimits = null;
        }
    }

    void recordContact(PatientContact contact) {
        this.phone = contact.phone();
        this.email = contact.email();
        this.emergencyContactName = contact.emergencyContactName();
        this.emergencyContactPhone = contact.emergencyContactPhone();
    }

    /** Takes over every enrolment field of a checked edit (surgery through {@link #recordSurgery}'s rule). */
    void edit(String givenName, String familyName, EnrolmentCommand c, String limits) {
        this.givenName = givenName;
        this.familyName = familyName;
        this.dateOfBirth = c.dateOfBirth();
        this.condition = c.condition();
        this.acuity = c.acuity();
        this.onsetDate = c.onsetDate();
        this.surgeryDate = c.surgeryDate();
        this.surgeonClearanceDate = c.surgeonClearanceDate();
        this.surgeonClearanceLimits = c.surgeonClearanceDate() == null ? null : limits;
    }

    PatientRecord toRecord() {
        return new PatientRecord(getId(), clinicId, givenName, familyName, dateOfBirth, condition, acuity, onsetDate,
                surgeryDate, surgeonClearanceDate, surgeonClearanceLimits, userId != null, getVersion(),
                new PatientContact(phone, email, emergencyContactName, emergencyContactPhone));
    }
}
