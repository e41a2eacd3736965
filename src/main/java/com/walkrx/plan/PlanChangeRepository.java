package com.walkrx.plan;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PlanChangeRepository extends JpaRepository<PlanChange, Long> {

    @Query("""
            select c from PlanChange c where c.planId in (select p.id from Plan p where p.patientId = :patientId)
            order by c.changedAt desc, c.id desc""")
    List<PlanChange> historyOfPatient(long patientId, Pageable page);

    @Query("select count(c) from PlanChange c where c.planId in (select p.id from Plan p where p.patientId = :patientId)")
    long countForPatient(long patientId);
}
