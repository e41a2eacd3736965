package com.walkrx.clinic;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "clinic")
class Clinic {

    @Id
    @GeneratedValue(generator = "clinic_seq")
    @SequenceGenerator(name = "clinic_seq", sequenceName = "clinic_seq", allocationSize = 50)
    private Long id;
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

    Long getId() { return id; }

    String getName() { return name; }

    String getTimeZone() { return timeZone; }
}
