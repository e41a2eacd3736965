package com.walkrx.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A clinic network at scale, written with COPY: clinics of 500 patients, five clinicians each, and per
 * patient an account, a care team, a STANDARD plan (walking-plans.md) and {@code days} days of plausible
 * walks and check-ins, some of which raise flags (stored as the flag engine would have stored them).
 *
 * <p>Patients 0-199 are the benchmark clinician's caseload, 200-221 belong to the push clinician (no
 * history of flags, one per flag-push trial), 244-307 are the check-in load pool, and 308-371 take the raw
 * baseline's INSERTs (so the baseline's rows never pile into the history the flag engine reads for the pool).
 */
final class Generator {

    static final int PER_CLINIC = 500;
    static final int GENERAL_CLINICIANS_PER_CLINIC = 5;
    static final int CASELOAD = 200;
    static final int PUSH_FIRST = 200;
    /** 22 for the same-instance flag push trials, 22 for the cross-instance ones. */
    static final int PUSH_COUNT = 44;
    static final int POOL_FIRST = PUSH_FIRST + PUSH_COUNT;
    static final int POOL_COUNT = 64;
    /** Patients whose rows the raw INSERT baselines (raw, floor) write: the same table and clinic, not the pool. */
    static final int RAW_FIRST = POOL_FIRST + POOL_COUNT;
    static final int RAW_COUNT = 64;
    private static final int CHUNK = 100;
    private static final int LOADERS = 2;

    private static final String[] GIVEN = {"Ada", "Ben", "Cara", "Dev", "Elif", "Finn", "Grace", "Hugo", "Iris", "Jon",
            "Kaya", "Liam", "Maya", "Noor", "Owen", "Pia", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wes", "Xena",
            "Yusuf", "Zoe", "Aled", "Bea", "Cian", "Dara"};
    private static final String[] FAMILY = {"Byrne", "Okafor", "Nowak", "Silva", "Murphy", "Khan", "Evans", "Rossi",
            "Jensen", "Walsh", "Patel", "Moreau", "Dubois", "Kowalski", "Hughes", "Lindqvist", "Novak", "Costa", "Fraser",
            "Ahmed", "Brennan", "Yilmaz", "Ferreira", "Schmidt", "Doyle", "Haddad", "Kelly", "Romero", "Ng", "Price"};
    private static final String[] CONDITIONS = {"CHRONIC_LOW_BACK_PAIN", "CHRONIC_LOW_BACK_PAIN", "SCIATICA",
            "MUSCLE_STRAIN", "HERNIATED_DISC", "LUMBAR_DISCOMFORT", "OTHER"};
    private static final String[] NOTES = {"Felt looser after the walk.", "Stiff in the morning, better by lunch.",
            "Walked with a friend, time flew."};
    private static final String[] OUTCOMES = {"REFERRED", "SEEN_BY_DOCTOR", "NO_ACTION_NEEDED", "OTHER"};

    private enum Story { NONE, CAUDA_EQUINA, FEVER, PAIN_WORSENS, SHARP_PAIN }

    private record FlagRule(String code, String tier, String basis, String message) {
    }

    private static final Map<Story, FlagRule> RULES = Map.of(
            Story.CAUDA_EQUINA, new FlagRule("CAUDA_EQUINA_SIGNS", "URGENT",
                    "New bladder or bowel control problems, or saddle numbness (NICE NG59; cauda equina pathway)",
                    "Seek emergency medical care today. Do not walk for exercise until a doctor has seen you."),
            Story.FEVER, new FlagRule("FEVER", "HIGH", "Back pain with fever requires medical evaluation",
                    "Contact your doctor or therapist before your next walk."),
            Story.PAIN_WORSENS, new FlagRule("PAIN_WORSENS_WITH_WALKING", "HIGH",
                    "3 of the last 5 walks raised pain by 2 or more points",
                    "Contact your doctor or therapist before your next walk."),
            Story.SHARP_PAIN, new FlagRule("SHARP_OR_SEVERE_PAIN", "ADVISORY",
                    "A walk with sharp pain, or pain after of 7 or more",
                    "Take it easier: shorten or slow your walks until your therapist reviews your plan."));

    /** Who is who in the generated data, for the benchmarks. */
    static final class World {
        final String prefix;
        final String password;
        final LocalDate today;
        final int days;
        final Map<Integer, Long> clinicIds = new HashMap<>();
        final Map<String, Long> clinicianIds = new LinkedHashMap<>(); // username -> id
        final Map<String, Long> clinicianClinic = new HashMap<>();
        // fixed-size, filled by index by the loader threads
        final List<PatientRef> pushPatients = java.util.Arrays.asList(new PatientRef[PUSH_COUNT]);
        final List<PatientRef> poolPatients = java.util.Arrays.asList(new PatientRef[POOL_COUNT]);
        final List<PatientRef> rawPatients = java.util.Arrays.asList(new PatientRef[RAW_COUNT]);
        volatile PatientRef chartPatient;
        int patients;

        World(String prefix, String password, LocalDate today, int days) {
            this.prefix = prefix;
            this.password = password;
            this.today = today;
            this.days = days;
        }

        String benchClinician() {
            return prefix + "-bench-clinician";
        }

        String pushClinician() {
            return prefix + "-push-clinician";
        }

        /** A clinician whose password hash has the product's default bcrypt cost, for the auth figure. */
        String costlyUser() {
            return prefix + "-auth-cost10";
        }

        List<String> generalClinicians() {
            return clinicianIds.keySet().stream().filter(u -> u.contains("-clin-")).toList();
        }
    }

    record PatientRef(long id, long clinicId, String username, String givenName, String familyName) {
    }

    /** Rows written and time taken, for the rows-per-second figure. */
    static final class Load {
        long rows;
        long nanos;
        long copyNanos;
        volatile String foreignKeyChecks = "on";
        final Map<String, Long> rowsByTable = new LinkedHashMap<>();
        final List<List<CopyTable.Batch>> chunks = new ArrayList<>();
    }

    private final Db db;
    private final World world;
    private final ZoneId zone;
    private final long seed;
    private final String hash;
    private final String costlyHash;
    final Load load = new Load();

    Generator(Db db, World world, ZoneId zone, long seed, int bcryptCost) {
        this.db = db;
        this.world = world;
        this.zone = zone;
        this.seed = seed;
        // One hash for every account (bcrypt is slow by design); the same {bcrypt} format the app writes.
        this.hash = "{bcrypt}" + new BCryptPasswordEncoder(bcryptCost).encode(world.password);
        this.costlyHash = "{bcrypt}" + new BCryptPasswordEncoder(10).encode(world.password);
    }

    /**
     * Adds patients {@code from} (inclusive) to {@code to} (exclusive), with their clinics and clinicians.
     * Two loader threads, each with its own connection, so generating and COPY overlap on two cores.
     */
    void load(int from, int to) throws Exception {
        long start = System.nanoTime();
        try (Connection idConnection = db.open(); Connection c = db.open()) {
            Ids ids = new Ids(idConnection);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            c.setAutoCommit(false);
            Tables t = new Tables();
            for (int clinic = from / PER_CLINIC; clinic <= (to - 1) / PER_CLINIC; clinic++) {
                if (!world.clinicIds.containsKey(clinic)) {
                    clinic(t, ids, clinic);
                }
            }
            flush(t, copy, c);
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(from);
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> loaders = new ArrayList<>();
        for (int w = 0; w < LOADERS; w++) {
            loaders.add(Thread.ofPlatform().name("loader-" + w).start(() -> {
                try (Connection idConnection = db.open(); Connection c = db.open()) {
                    Ids ids = new Ids(idConnection);
                    skipForeignKeyTriggers(c);
                    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                    c.setAutoCommit(false);
                    Tables t = new Tables();
                    for (int chunk = next.getAndAdd(CHUNK); chunk < to && failure.get() == null;
                         chunk = next.getAndAdd(CHUNK)) {
                        for (int i = chunk; i < Math.min(to, chunk + CHUNK); i++) {
                            patient(t, ids, i);
                        }
                        flush(t, copy, c);
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread loader : loaders) {
            loader.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        world.patients = Math.max(world.patients, to);
        load.nanos += System.nanoTime() - start;
    }

    /**
     * A bulk load's usual shortcut: the rows are consistent by construction, so the per-row foreign-key
     * triggers are skipped where the database role may do so (a superuser, as with the embedded server);
     * indexes, check constraints and WAL still apply.
     */
    private void skipForeignKeyTriggers(Connection c) {
        try {
            Db.exec(c, "set session_replication_role = replica");
            load.foreignKeyChecks = "skipped during the load (session_replication_role = replica)";
        } catch (SQLException e) {
            load.foreignKeyChecks = "on (the role may not set session_replication_role)";
        }
    }

    /** The tables in foreign-key order. */
    private static final class Tables {
        // Bench clinics do not require staff MFA: the read benchmarks log clinicians in with HTTP Basic.
        final CopyTable clinic = new CopyTable("clinic", "id, name, time_zone, staff_mfa_required");
        final CopyTable user = new CopyTable("app_user", "id, clinic_id, username, password_hash, role, display_name");
        final CopyTable patient = new CopyTable("patient", "id, clinic_id, user_id, given_name, family_name, "
                + "date_of_birth, condition, acuity, onset_date, enrolled_at, enrolled_by");
        final CopyTable team = new CopyTable("care_team_member", "patient_id, clinician_id, clinic_id, added_at");
        final CopyTable plan = new CopyTable("plan", "id, clinic_id, patient_id, template, status, current_phase, "
                + "phase_started_on, start_date, auto_advance, created_at, created_by, activated_at");
        final CopyTable phase = new CopyTable("plan_phase", "id, plan_id, number, min_days, walks_per_day, "
                + "walks_per_week, minutes_min, minutes_max, surfaces, step_target, guidance");
        final CopyTable checkIn = new CopyTable("check_in", "id, clinic_id, patient_id, date, recorded_at, overall_pain, "
                + "steps, notes, numbness_tingling, leg_weakness, both_legs, saddle_numbness, bladder_bowel_problems, "
                + "fever, unexplained_weight_loss, new_injury_or_fall");
        final CopyTable walk = new CopyTable("walk", "id, check_in_id, clinic_id, patient_id, date, position, minutes, "
                + "surface, pain_before, pain_after, sharp_pain, steps");
        final CopyTable flag = new CopyTable("flag", "id, clinic_id, patient_id, code, tier, status, raised_at, basis, "
                + "patient_message, acknowledged_by, acknowledged_at, resolved_by, resolved_at, outcome");
        final CopyTable evidence = new CopyTable("flag_evidence", "id, flag_id, check_in_id, detail, added_at");

        List<CopyTable> all() {
            return List.of(clinic, user, patient, team, plan, phase, checkIn, walk, flag, evidence);
        }
    }

    private void flush(Tables t, CopyManager copy, Connection c) throws SQLException, IOException {
        List<CopyTable.Batch> chunk = new ArrayList<>();
        long copyNanos = 0;
        for (CopyTable table : t.all()) {
            CopyTable.Batch batch = table.take();
            if (batch.rows() == 0) {
                continue;
            }
            long s = System.nanoTime();
            batch.copyInto(copy, batch.table());
            copyNanos += System.nanoTime() - s;
            chunk.add(batch);
        }
        long s = System.nanoTime();
        c.commit();
        copyNanos += System.nanoTime() - s;
        synchronized (load) {
            load.copyNanos += copyNanos;
            load.chunks.add(chunk);
            for (CopyTable.Batch batch : chunk) {
                load.rows += batch.rows();
                load.rowsByTable.merge(batch.table(), (long) batch.rows(), Long::sum);
            }
        }
    }

    private void clinic(Tables t, Ids ids, int clinic) {
        long id = ids.next("clinic_seq");
        world.clinicIds.put(clinic, id);
        t.clinic.row(id, "Bench clinic " + clinic, zone.getId(), false);
        user(t, ids, id, world.prefix + "-admin-" + clinic, "ADMIN", "Admin " + clinic, hash);
        if (clinic == 0) {
            clinician(t, ids, id, world.benchClinician(), "Dr Bench Caseload");
            clinician(t, ids, id, world.pushClinician(), "Dr Bench Push");
            clinician(t, ids, id, world.costlyUser(), "Dr Bench Auth");
        }
        for (int g = 0; g < GENERAL_CLINICIANS_PER_CLINIC; g++) {
            clinician(t, ids, id, generalClinician(clinic, g), "Dr " + FAMILY[(clinic * 7 + g) % FAMILY.length]
                    + " " + clinic + "-" + g);
        }
    }

    private String generalClinician(int clinic, int g) {
        return world.prefix + "-clin-" + clinic + "-" + g;
    }

    private void clinician(Tables t, Ids ids, long clinicId, String username, String name) {
        long id = user(t, ids, clinicId, username, "CLINICIAN", name,
                username.equals(world.costlyUser()) ? costlyHash : hash);
        world.clinicianIds.put(username, id);
        world.clinicianClinic.put(username, clinicId);
    }

    private long user(Tables t, Ids ids, long clinicId, String username, String role, String name, String passwordHash) {
        long id = ids.next("app_user_seq");
        t.user.row(id, clinicId, username, passwordHash, role, name);
        return id;
    }

    private void patient(Tables t, Ids ids, int i) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        int clinic = i / PER_CLINIC;
        long clinicId = world.clinicIds.get(clinic);
        int g = (i % PER_CLINIC) * GENERAL_CLINICIANS_PER_CLINIC / PER_CLINIC;
        String primary = i < CASELOAD ? world.benchClinician()
                : i < POOL_FIRST ? world.pushClinician() : generalClinician(clinic, g);
        long primaryId = world.clinicianIds.get(primary);
        boolean push = i >= PUSH_FIRST && i < POOL_FIRST;
        boolean pool = i >= POOL_FIRST && i < POOL_FIRST + POOL_COUNT;

        String given = push ? "Trial" : GIVEN[r.nextInt(GIVEN.length)];
        String family = push ? "Pushtrial" + (char) ('A' + (i - PUSH_FIRST) / 26) + (char) ('a' + (i - PUSH_FIRST) % 26)
                : FAMILY[r.nextInt(FAMILY.length)]; // same length each: no name is part of another
        String username = world.prefix + "-p" + i;
        // The check-in pool logs in once for a token (POST /api/v1/auth/tokens) at the product's bcrypt cost.
        long userId = user(t, ids, clinicId, username, "PATIENT", given + " " + family, pool ? costlyHash : hash);
        long patientId = ids.next("patient_seq");
        PatientRef ref = new PatientRef(patientId, clinicId, username, given, family);
        if (push) {
            world.pushPatients.set(i - PUSH_FIRST, ref);
        } else if (pool) {
            world.poolPatients.set(i - POOL_FIRST, ref);
        } else if (i >= RAW_FIRST && i < RAW_FIRST + RAW_COUNT) {
            world.rawPatients.set(i - RAW_FIRST, ref);
        }
        if (i == 0) {
            world.chartPatient = ref;
        }

        int days = world.days;
        LocalDate start = world.today.minusDays(days);
        String condition = CONDITIONS[r.nextInt(CONDITIONS.length)];
        OffsetDateTime enrolled = at(start.minusDays(1), 10, r.nextInt(60));
        t.patient.row(patientId, clinicId, userId, given, family,
                LocalDate.of(1940 + r.nextInt(60), 1 + r.nextInt(12), 1 + r.nextInt(28)), condition,
                r.nextInt(10) == 0 ? "ACUTE" : "CHRONIC", start.minusDays(30 + r.nextInt(200)), enrolled, primaryId);
        t.team.row(patientId, primaryId, clinicId, enrolled);
        if (!push && r.nextInt(100) < (i < CASELOAD ? 10 : 15)) { // shared care
            long second = world.clinicianIds.get(generalClinician(clinic, (g + 1) % GENERAL_CLINICIANS_PER_CLINIC));
            t.team.row(patientId, second, clinicId, enrolled);
        }

        Story story = Story.NONE;
        if (!push && !pool) {
            int s = r.nextInt(100);
            story = s < 4 ? Story.CAUDA_EQUINA : s < 7 ? Story.FEVER : s < 12 ? Story.PAIN_WORSENS
                    : s < 20 ? Story.SHARP_PAIN : Story.NONE;
        }
        // the story's day: half of them in the last 10 days (open flags), the rest anywhere
        int eventDay = r.nextBoolean() ? days - 1 - r.nextInt(Math.min(10, days))
                : 3 + r.nextInt(Math.max(1, days - 3));
        eventDay = Math.max(3, Math.min(days - 1, eventDay));

        int phase = days >= 28 ? 3 : days >= 14 ? 2 : 1;
        LocalDate phaseStart = start.plusDays(phase == 3 ? 28 : phase == 2 ? 14 : 0);
        long planId = ids.next("plan_seq");
        t.plan.row(planId, clinicId, patientId, "STANDARD", "ACTIVE", phase, phaseStart, start, false, enrolled,
                primaryId, at(start, 9, 0));

        int startPain = 4 + r.nextInt(4);
        int endPain = 1 + r.nextInt(3);
        List<Long> eventCheckIns = new ArrayList<>();
        long stepSum = 0;
        int stepDays = 0;
        for (int d = 0; d < days; d++) {
            LocalDate date = start.plusDays(d);
            boolean eventWindow = story != Story.NONE && d <= eventDay && d > eventDay - 3;
            if (!eventWindow && r.nextInt(100) < 3) {
                continue; // a missed day
            }
            double pain = endPain + (startPain - endPain) * Math.exp(-d / 40.0);
            int dayPain = clamp((int) Math.round(pain + gaussian(r) * 0.6));

            int count;
            int minutes;
            String surface = "FLAT";
            if (d < 14) {
                count = 3;
                minutes = 10;
            } else if (d < 28) {
                count = 2;
                minutes = 15 + r.nextInt(6);
            } else {
                count = d % 7 < 5 ? 1 : 0;
                minutes = 28 + r.nextInt(5);
                surface = r.nextInt(3) == 0 ? "INCLINE" : "FLAT";
            }
            if (count > 1 && r.nextInt(100) < 15) {
                count--;
            }
            if (eventWindow && story == Story.PAIN_WORSENS) {
                count = Math.max(count, 1);
            }
            int walked = count * minutes;
            Integer steps = r.nextInt(20) == 0 ? null : 3200 + walked * 95 + r.nextInt(900);
            if (steps != null && stepDays < 7) {
                stepSum += steps;
                stepDays++;
            }
            boolean bladder = story == Story.CAUDA_EQUINA && d == eventDay;
            boolean fever = story == Story.FEVER && d == eventDay;
            String numbness = condition.equals("SCIATICA") ? "SAME_AS_BEFORE" : "NONE";
            long checkInId = ids.next("check_in_seq");
            OffsetDateTime recorded = at(date, 18 + r.nextInt(3), r.nextInt(60));
            t.checkIn.row(checkInId, clinicId, patientId, date, recorded, dayPain, steps,
                    r.nextInt(9) == 0 ? NOTES[r.nextInt(NOTES.length)] : null, numbness, "NONE", false, false, bladder,
                    fever, false, false);
            for (int w = 0; w < count; w++) {
                int before = clamp(dayPain + r.nextInt(2));
                int after = clamp(before - 1 - (r.nextInt(3) == 0 ? 1 : 0));
                boolean sharp = false;
                if (eventWindow && story == Story.PAIN_WORSENS && w == 0) {
                    after = clamp(before + 2 + r.nextInt(2));
                }
                if (story == Story.SHARP_PAIN && d == eventDay && w == 0) {
                    sharp = true;
                    after = clamp(before + 1);
                }
                t.walk.row(ids.next("walk_seq"), checkInId, clinicId, patientId, date, w, minutes, surface, before,
                        after, sharp, minutes * 100 + r.nextInt(200));
            }
            if (eventWindow && (story == Story.PAIN_WORSENS || d == eventDay)) {
                eventCheckIns.add(checkInId);
            }
            if (r.nextInt(100) < 4) { // a second, symptoms-only check-in later that day
                t.checkIn.row(ids.next("check_in_seq"), clinicId, patientId, date, recorded.plusHours(2),
                        clamp(dayPain + r.nextInt(2) - 1), null, null, numbness, "NONE", false, false, false, false,
                        false, false);
            }
            if (story != Story.NONE && d == eventDay) {
                flag(t, ids, r, story, clinicId, patientId, primaryId, recorded, date, eventCheckIns);
            }
        }
        Integer baseline = stepDays == 0 ? null : (int) (stepSum / stepDays);
        phases(t, ids, planId, baseline);
    }

    private void flag(Tables t, Ids ids, SplittableRandom r, Story story, long clinicId, long patientId,
                      long clinicianId, OffsetDateTime recorded, LocalDate date, List<Long> evidence) {
        FlagRule rule = RULES.get(story);
        long flagId = ids.next("flag_seq");
        OffsetDateTime raised = recorded.plusSeconds(1);
        boolean open = date.isAfter(world.today.minusDays(15));
        t.flag.row(flagId, clinicId, patientId, rule.code(), rule.tier(), open ? "OPEN" : "RESOLVED", raised,
                rule.basis(), rule.message(), open ? null : clinicianId, open ? null : raised.plusHours(3),
                open ? null : clinicianId, open ? null : raised.plusDays(1), open ? null : OUTCOMES[r.nextInt(4)]);
        for (long checkInId : evidence) {
            String detail = switch (story) {
                case CAUDA_EQUINA -> "new bladder or bowel control problems";
                case FEVER -> "fever";
                case PAIN_WORSENS -> "pain rose by 2 or more on a FLAT walk";
                case SHARP_PAIN -> "sharp pain during a walk";
                case NONE -> "";
            };
            t.evidence.row(ids.next("flag_evidence_seq"), flagId, checkInId, detail, raised);
        }
        evidence.clear();
    }

    /** The STANDARD template of walking-plans.md (phase 3's 5,000 is the first step of "build towards"). */
    private static void phases(Tables t, Ids ids, long planId, Integer stepBaseline) {
        t.phase.row(ids.next("plan_phase_seq"), planId, 1, 14, 3, null, 10, 10, "FLAT", null,
                "Keep to flat ground. Short and regular is the aim this fortnight.");
        t.phase.row(ids.next("plan_phase_seq"), planId, 2, 14, 2, null, 15, 20, "FLAT",
                stepBaseline == null ? null : Math.min(10_000, stepBaseline + 1000),
                "Walk at an easy, steady pace on flat ground.");
        t.phase.row(ids.next("plan_phase_seq"), planId, 3, 7, null, 5, 30, 30, "FLAT,INCLINE",
                stepBaseline == null ? 5000 : Math.min(10_000, Math.max(5000, stepBaseline + 2000)),
                "Gentle inclines are fine now; keep away from steep hills.");
    }

    private OffsetDateTime at(LocalDate date, int hour, int minute) {
        return date.atTime(LocalTime.of(hour, minute)).atZone(zone).toOffsetDateTime();
    }

    private static double gaussian(SplittableRandom r) {
        return (r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5) * 2; // close enough, cheap
    }

    private static int clamp(int pain) {
        return Math.max(0, Math.min(10, pain));
    }

    /**
     * The physical baseline: the very same COPY bytes into unlogged tables shaped like the real ones but
     * without indexes, constraints or WAL. Returns rows and the nanoseconds spent in COPY and commit.
     */
    long[] rawCopy() throws SQLException, IOException {
        List<String> tables = load.chunks.stream().flatMap(List::stream).map(CopyTable.Batch::table).distinct().toList();
        long rows = 0;
        long nanos = 0;
        try (Connection c = db.open()) {
            for (String table : tables) {
                Db.exec(c, "drop table if exists bench_raw_" + table);
                Db.exec(c, "create unlogged table bench_raw_" + table + " (like " + table + " including defaults)");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            c.setAutoCommit(false);
            for (List<CopyTable.Batch> chunk : load.chunks) {
                long s = System.nanoTime();
                for (CopyTable.Batch batch : chunk) {
                    batch.copyInto(copy, "bench_raw_" + batch.table());
                    rows += batch.rows();
                }
                c.commit();
                nanos += System.nanoTime() - s;
            }
            c.setAutoCommit(true);
            for (String table : tables) {
                Db.exec(c, "drop table bench_raw_" + table);
            }
        }
        load.chunks.clear();
        return new long[] {rows, nanos};
    }

    /** Fresh statistics and visibility maps, as autovacuum would leave them after a bulk load. */
    void analyze() throws SQLException {
        try (Connection c = db.open()) {
            for (String table : List.of("clinic", "app_user", "patient", "care_team_member", "plan", "plan_phase",
                    "check_in", "walk", "flag", "flag_evidence")) {
                Db.exec(c, "vacuum (analyze) " + table);
            }
        }
    }
}
