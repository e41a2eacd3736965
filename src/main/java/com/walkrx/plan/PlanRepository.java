package com.walkrx.plan;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PlanRepository extends JpaRepository<Plan, Long> {

    @Query("select p from Plan p where p.patientId = :patientId and p.status <> com.walkrx.base.clinical.PlanStatus.ENDED")
    Optional<Plan> findLive(long patientId);

    /** The live plan, its row locked until the transaction ends (system changes wait for a clinician's). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Plan p where p.patientId = :patientId and p.status <> com.walkrx.base.clinical.PlanStatus.ENDED")
    Optional<Plan> findLiveForUpdate(long patientId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Plan p where p.id = :id")
    Optional<Plan> findByIdForUpdate(long id);

    @Query("select p.id from Plan p where p.status = com.walkrx.base.clinical.PlanStatus.ACTIVE order by p.id")
    List<Long> findActiveIds();
}
