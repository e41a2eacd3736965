package com.walkrx.clinic;

import com.walkrx.base.jpa.SequencedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "clinic")
@SequenceGenerator(sequenceName = "clinic_seq", allocationSize = 50)
class Clinic extends SequencedEntity {

    private String name;
    private String timeZone;
    private Instant createdAt;

    protected Clinic() {
    }

    Clinic(String name, String timeZone) {
        this.name = name;
        this.timeZone = timeZone;
        this.createdAt = Instant.now();
    }

    String getName() { return name; }

    String getTimeZone() { return timeZone; }
}
