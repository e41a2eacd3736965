package com.walkrx.base.jpa;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The id of a WalkRx entity: a sequence id (not IDENTITY, so Hibernate can batch inserts). Each entity names its
 * own sequence with an unnamed class-level {@code @SequenceGenerator(sequenceName = ..., allocationSize = 50)},
 * which JPA names after the entity and uses for this id.
 */
@MappedSuperclass
public abstract class SequencedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    public Long getId() {
        return id;
    }
}
