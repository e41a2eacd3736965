package com.walkrx.flag;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface FlagRepository extends JpaRepository<Flag, Long> {

    /** The patient's flag of this code that is OPEN or ACKNOWLEDGED (at most one: a unique index). */
    @Query("select f from Flag f where f.patientId = ?1 and f.code = ?2 and f.status <> com.walkrx.flag.FlagStatus.RESOLVED")
    Optional<Flag> findUnresolved(long patientId, FlagCode code);

    /** As {@link #findUnresolved(long, FlagCode)}, locking the row so a concurrent resolve waits or wins cleanly. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from Flag f where f.patientId = ?1 and f.code = ?2 and f.status <> com.walkrx.flag.FlagStatus.RESOLVED")
    Optional<Flag> findUnresolvedForUpdate(long patientId, FlagCode code);

    @Query("select f from Flag f where f.patientId = ?1 and f.status <> com.walkrx.flag.FlagStatus.RESOLVED")
    List<Flag> findUnresolved(long patientId);
}
