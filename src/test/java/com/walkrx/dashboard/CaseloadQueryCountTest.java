package com.walkrx.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.audit.AuditService;
import com.walkrx.base.security.Role;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData.User;
import com.walkrx.support.WalkRxTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opening a caseload costs the same number of SQL statements for 20 patients as for 200: the service runs
 * over a DataSource proxy that counts every statement prepared on its connections.
 */
@WalkRxTest
class CaseloadQueryCountTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Autowired
    DataSource dataSource;
    @Autowired
    AuditService audit;

    @Test
    void the_first_page_of_a_caseload_takes_the_same_statements_for_20_and_for_200_patients() {
        clock.setDate(TODAY);
        User small = clinicianWith(20);
        User large = clinicianWith(200);

        AtomicInteger statements = new AtomicInteger();
        CaseloadService counted = new CaseloadService(JdbcClient.create(counting(dataSource, statements)), audit, clock);

        CaseloadPage smallPage = counted.page(small.caller(), CaseloadFilter.TRIAGE, 0, 50);
        int smallCount = statements.getAndSet(0);
        CaseloadPage largePage = counted.page(large.caller(), CaseloadFilter.TRIAGE, 0, 50);
        int largeCount = statements.getAndSet(0);

        assertThat(smallPage.total()).isEqualTo(20);
        assertThat(smallPage.items()).hasSize(20);
        assertThat(largePage.total()).isEqualTo(200);
        assertThat(largePage.items()).hasSize(50);
        assertThat(largePage.items()).allSatisfy(r -> {
            assertThat(r.adherence7d()).isNotNull();
            assertThat(r.painChange()).isNotNull();
            assertThat(r.pain28d()).hasSize(28);
        });
        assertThat(largePage.items().getFirst().highestOpenTier()).isEqualTo(OpenTier.HIGH);
        // One statement produces the page with every number; the audit entry goes through its own service.
        assertThat(smallCount).isEqualTo(1);
        assertThat(largeCount).isEqualTo(smallCount);

        CaseloadPage filtered = counted.page(large.caller(),
                new CaseloadFilter("load", true, false, 1, CaseloadSort.ADHERENCE, false), 0, 50);
        assertThat(filtered.items()).isNotEmpty();
        assertThat(statements.get()).isEqualTo(1);
    }

    /** A clinician with {@code n} patients, each with a plan, 30 days of check-ins and walks; every 7th flagged. */
    private User clinicianWith(int n) {
        long clinic = data.clinic();
        User clinician = data.staff(clinic, Role.CLINICIAN);
        jdbc.sql("""
                insert into patient (id, clinic_id, given_name, family_name, date_of_birth, condition, acuity)
                select nextval('patient_seq'), :clinic, 'Pat', 'Load' || g, date '1970-01-01', 'SCIATICA', 'CHRONIC'
                from generate_series(1, :n) g
                """).param("clinic", clinic).param("n", n).update();
        jdbc.sql("""
                insert into care_team_member (patient_id, clinician_id, clinic_id)
                select p.id, :clinician, :clinic from patient p where p.clinic_id = :clinic
                """).param("clinic", clinic).param("clinician", clinician.id()).update();
        jdbc.sql("""
                insert into plan (id, clinic_id, patient_id, template, status, current_phase, phase_started_on,
                                  start_date, activated_at)
                select nextval('plan_seq'), :clinic, p.id, 'STANDARD', 'ACTIVE', 1, :start, :start, cast(:start as timestamp)
                from patient p where p.clinic_id = :clinic
                """).param("clinic", clinic).param("start", TODAY.minusDays(30)).update();
        jdbc.sql("""
                insert into plan_phase (id, plan_id, number, min_days, walks_per_day, minutes_min, minutes_max, surfaces)
                select nextval('plan_phase_seq'), pl.id, 1, 14, 3, 10, 10, 'FLAT' from plan pl where pl.clinic_id = :clinic
                """).param("clinic", clinic).update();
        jdbc.sql("""
                insert into check_in (id, clinic_id, patient_id, date, overall_pain, steps)
                select nextval('check_in_seq'), :clinic, p.id, cast(:today as date) - d, (p.id / 50 + d) % 11, 4000
                from patient p cross join generate_series(1, 30) d
                where p.clinic_id = :clinic
                """).param("clinic", clinic).param("today", TODAY).update();
        jdbc.sql("""
                insert into walk (id, check_in_id, clinic_id, patient_id, date, position, minutes, surface, pain_before,
                                  pain_after, sharp_pain)
                select nextval('walk_seq'), ci.id, ci.clinic_id, ci.patient_id, ci.date, 0, 10 + ci.id % 20, 'FLAT', 5, 4,
                       false
                from check_in ci where ci.clinic_id = :clinic
                """).param("clinic", clinic).update();
        jdbc.sql("""
                insert into flag (id, clinic_id, patient_id, code, tier, status, basis, patient_message)
                select nextval('flag_seq'), :clinic, p.id, 'FEVER', 'HIGH', 'OPEN', 'basis', 'message'
                from patient p where p.clinic_id = :clinic and (p.id / 50) % 7 = 0
                """).param("clinic", clinic).update();
        return clinician;
    }

    /** Counts statements prepared or created on any connection the data source hands out. */
    static DataSource counting(DataSource target, AtomicInteger statements) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")
                                            || m.getName().equals("prepareCall")) {
                                        statements.incrementAndGet();
                                    }
                                    return invoke(connection, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
