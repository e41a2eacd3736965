package com.walkrx.checkin;

import com.walkrx.base.clinical.Surface;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * One walk of a check-in. Clinic, patient and date are copied from the check-in so that "walks of patient P
 * between dates" needs no join (adherence, flag history).
 */
@Entity
@Table(name = "walk")
class Walk {

    @Id
    @GeneratedValue(generator = "walk_seq")
    @SequenceGenerator(name = "walk_seq", sequenceName = "walk_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "check_in_id")
    private CheckIn checkIn;
    private long clinicId;
    private long patientId;
    private LocalDate date;
    private int position;
    private int minutes;
    @Enumerated(EnumType.STRING)
    private Surface surface;
    private short painBefore;
    private short painAfter;
    private boolean sharpPain;
    private Integer steps;

    protected Walk() {
    }

    Walk(CheckIn checkIn, int position, WalkEntry entry) {
        this.checkIn = checkIn;
        this.clinicId = checkIn.getClinicId();
        this.patientId = checkIn.getPatientId();
        this.date = checkIn.getDate();
        this.position = position;
        this.minutes = entry.minutes().value();
        this.surface = entry.surface();
        this.painBefore = (short) entry.painBefore().value();
        this.painAfter = (short) entry.painAfter().value();
        this.sharpPain = entry.sharpPain();
        this.steps = entry.steps() == null ? null : entry.steps().value();
    }
}
