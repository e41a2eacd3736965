package com.walkrx.base.jpa;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** An editable aggregate: a sequence id and a version for optimistic locking. */
@MappedSuperclass
public abstract class VersionedEntity extends SequencedEntity {

    @Version
    private long version;

    public long getVersion() {
        return version;
    }
}
