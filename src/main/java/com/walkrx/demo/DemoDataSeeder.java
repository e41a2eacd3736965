package com.walkrx.demo;

import com.walkrx.base.DemoMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds a living demo clinic once: an admin, two clinicians, twelve patients with eight weeks of
 * walks and check-ins, some of which trip the see-a-doctor rules. Deterministic for a given day.
 */
@Component
@Order(10)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DemoDataSeeder implements ApplicationRunner {

    static final String MARKER = "demo-data-seeded";
    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);
    private static final int DAYS = 56;

    private final DemoMode demoMode;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final List<DemoPlanAssigner> planAssigners;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            refuseDemoAccounts();
            return;
        }
        // The marker row is taken under a lock, so two instances starting together seed once.
        jdbc.sql("lock table app_setting in exclusive mode").update();
        if (jdbc.sql("select count(*) from app_setting where key = :k").param("k", MARKER).query(Long.class).single() > 0) {
            log.info("Demo data already present");
            return;
        }
        seed();
        jdbc.sql("insert into app_setting (key, value) values (:k, :v)").param("k", MARKER)
                .param("v", LocalDate.now(clock).toString()).update();
    }

    /**
     * The demo accounts' password is published in the README: a server that was not asked for them must
     * not run with them (a production jar started on a development database, say).
     */
    private void refuseDemoAccounts() {
        long demoAccounts = jdbc.sql("select count(*) from app_user where username in ('demo-admin', 'demo-clinician-1')")
                .query(Long.class).single();
        boolean seeded = jdbc.sql("select count(*) from app_setting where key = :k").param("k", MARKER)
                .query(Long.class).single() > 0;
        if (demoAccounts > 0 || seeded) {
            throw new IllegalStateException("This database holds the demo clinic, whose accounts have a published "
                    + "password (demo-admin ...). Start with WALKRX_DEMO=true to run with it on purpose, "
                    + "or use a database without it.");
        }
    }

    private void seed() {
        LocalDate today = LocalDate.now(clock);
        String hash = passwordEncoder.encode(DemoMode.DEMO_PASSWORD);
        long clinic = next("clinic_seq");
        // The demo clinic does not require a second factor, so the README's demo logins work with a password.
        jdbc.sql("insert into clinic (id, name, time_zone, staff_mfa_required) values (?, ?, ?, false)")
                .params(clinic, "Riverside Physiotherapy (demo)", clock.getZone().getId()).update();
        user(clinic, "demo-admin", hash, "ADMIN", "Morgan Reyes");
        long c1 = user(clinic, "demo-clinician-1", hash, "CLINICIAN", "Dr Priya Shah");
        long c2 = user(clinic, "demo-clinician-2", hash, "CLINICIAN", "Sam O'Connell");

        Random random = new Random(20261129L);
        List<DemoPatient> patients = new ArrayList<>();
        for (DemoProfile profile : DemoProfile.all()) {
            long clinician = profile.number() <= 6 ? c1 : c2;
            long userId = user(clinic, "demo-patient-" + profile.number(), hash, "PATIENT",
                    profile.givenName() + " " + profile.familyName());
            long patientId = next("patient_seq");
            LocalDate start = today.minusDays(profile.daysOnPlan());
            jdbc.sql("""
                    insert into patient (id, clinic_id, user_id, given_name, family_name, date_of_birth, condition, acuity,
                                         onset_date, surgery_date, surgeon_clearance_date, surgeon_clearance_limits,
                                         enrolled_at, enrolled_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)
                    """).params(patientId, clinic, userId, profile.givenName(), profile.familyName(),
                    Date.valueOf(profile.dateOfBirth()), profile.condition(), profile.acuity(),
                    Date.valueOf(start.minusDays(profile.onsetDaysBeforeStart())),
                    profile.surgeryWeeksAgo() == null ? null : Date.valueOf(today.minusWeeks(profile.surgeryWeeksAgo())),
                    profile.cleared() && profile.surgeryWeeksAgo() != null ? Date.valueOf(start.minusDays(3)) : null,
                    profile.cleared() && profile.surgeryWeeksAgo() != null ? "No hills or lifting for 6 weeks" : null,
                    clinician).update();
            jdbc.sql("insert into care_team_member (patient_id, clinician_id, clinic_id) values (?, ?, ?)")
                    .params(patientId, clinician, clinic).update();
            if (profile.number() == 6) { // shared care: both clinicians
                jdbc.sql("insert into care_team_member (patient_id, clinician_id, clinic_id) values (?, ?, ?)")
                        .params(patientId, c2, clinic).update();
            }
            patients.add(new DemoPatient(patientId, clinic, clinician, profile, start));
            new DemoHistory(profile, start, today, random).writeTo(template, clinic, patientId, this::next);
        }
        for (DemoPlanAssigner assigner : planAssigners) {
            assigner.assignPlans(patients, today);
        }
        log.info("Seeded the demo clinic: 1 admin, 2 clinicians, {} patients with {} days of history",
                patients.size(), DAYS);
    }

    private long user(long clinic, String username, String hash, String role, String name) {
        long id = next("app_user_seq");
        // Addresses in the reserved .example domain: the demo's escalation e-mails are read in the admin's Outbox.
        String email = "PATIENT".equals(role) ? null : username + "@demo-clinic.example";
        jdbc.sql("insert into app_user (id, clinic_id, username, password_hash, role, display_name, email) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, clinic, username, hash, role, name, email).update();
        return id;
    }

    long next(String sequence) {
        return jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
    }
}
