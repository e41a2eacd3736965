package com.walkrx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table belongs to one module; SQL in another module's string literals may touch it only where
 * {@link #ALLOWED} says so, with the reason. Modulith sees Java types only, so a module reading another's
 * table in SQL is a dependency it cannot see: this test makes it visible. It scans the string literals and
 * text blocks of the main sources for {@code from|join|into|update <table>}.
 */
class TableOwnershipArchTest {

    /** Table -> the module that owns it (creates, writes and reads it through its own classes). */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("clinic", "clinic"),
            Map.entry("app_user", "clinic"),
            Map.entry("account_code", "clinic"),
            Map.entry("login_attempt", "clinic"),
            Map.entry("login_address", "clinic"),
            Map.entry("sign_in_failure", "clinic"),
            Map.entry("api_token", "clinic"),
            Map.entry("totp_factor", "clinic"),
            Map.entry("recovery_code", "clinic"),
            Map.entry("patient", "patient"),
            Map.entry("care_team_member", "patient"),
            Map.entry("activation_code", "patient"),
            Map.entry("patient_change", "patient"),
            Map.entry("plan", "plan"),
            Map.entry("plan_phase", "plan"),
            Map.entry("plan_change", "plan"),
            Map.entry("plan_proposal", "plan"),
            Map.entry("progression_pending", "plan"),
            Map.entry("guidance_seen", "plan"),
            Map.entry("check_in", "checkin"),
            Map.entry("walk", "checkin"),
            Map.entry("flag", "flag"),
            Map.entry("flag_evidence", "flag"),
            Map.entry("questionnaire", "outcome"),
            Map.entry("questionnaire_response", "outcome"),
            Map.entry("note_read", "dashboard"),
            Map.entry("outbox_mail", "outbox"),
            Map.entry("audit_event", "audit"),
            Map.entry("app_setting", "base"));

    /** A reader (a module, or module/Class) allowed to touch other modules' tables, and why. */
    record Allowed(String reader, Set<String> tables, boolean writes, String reason) {
    }

    static final List<Allowed> ALLOWED = List.of(
            new Allowed("dashboard", OWNER.keySet(), false,
                    "the read side: caseload, overview, chart and progress are SQL read models over every module's"
                            + " tables (docs/architecture.md); it never writes them"),
            new Allowed("plan/PlanFacts", Set.of("check_in", "walk"), false,
                    "progression's facts (minutes, pain, steps) are read from the check-in tables, read-only"),
            new Allowed("plan/ProgressionSchedule", Set.of("app_setting"), true,
                    "keeps the last run date of the progression pass under its own key"),
            new Allowed("flag/HistoryLoader", Set.of("check_in", "walk", "patient"), false,
                    "the see-a-doctor rules need the patient's recent check-ins, walks and record, read-only"),
            new Allowed("flag/FlagEvaluator", Set.of("patient", "check_in"), false,
                    "the scheduled pass selects patients with missed check-ins or missing surgery clearance"),
            new Allowed("flag/FlagService", Set.of("patient", "check_in"), false,
                    "joins patient p for PatientAccess.SCOPE_SQL, the care-relationship scope the patient module"
                            + " publishes for queries; shows the note of the flag's check-in on the flag card"),
            new Allowed("flag/FlagReads", Set.of("patient", "check_in"), false,
                    "reads flags for views: joins patient p for the patient's name and contact on the flag card, and"
                            + " shows the note of the flag's check-in with its evidence"),
            new Allowed("flag/FlagNotices", Set.of("patient"), false,
                    "an alert received from PostgreSQL names its patient (the notice carries ids only)"),
            new Allowed("flag/FlagEscalation", Set.of("clinic", "app_user", "care_team_member"), false,
                    "an unacknowledged flag is e-mailed to the care team and the clinic's admins after the clinic's"
                            + " threshold: reads their addresses and the thresholds"),
            new Allowed("clinic/ApiTokenService", Set.of("patient"), false,
                    "a patient's token carries the patient record's id, as a login does (PatientLogins for sessions)"),
            new Allowed("outcome", Set.of("plan", "patient", "clinic"), false,
                    "questionnaire schedules count from the plan's start date, in the clinic's time zone, for the"
                            + " patients of the care-relationship scope; read-only"),
            new Allowed("report", OWNER.keySet(), false,
                    "exports (PDF, CSV, FHIR) are read models of a patient's episode and of a caseload, like the"
                            + " dashboard: one read-only snapshot, streamed; they never write"),
            new Allowed("checkin/CheckInStore", Set.of("patient"), false,
                    "the check-in's first statement checks that the caller is the patient (patient.user_id) before it"
                            + " inserts, in the same round trip"),
            new Allowed("checkin/CheckInService", Set.of("patient"), false,
                    "joins patient p for PatientAccess.scopeSql, the care-relationship scope of the check-in list"),
            new Allowed("patient/CareTeamService", Set.of("app_user", "flag"), false,
                    "shows the care team's clinicians by name and account state; counts the patient's unresolved"
                            + " flags, read-only, so the last active clinician of a flagged patient is not removed"),
            new Allowed("patient/LastClinicianGuard", Set.of("app_user", "flag"), false,
                    "before a clinician is deactivated: whether they are the only active clinician of a patient with"
                            + " unresolved flags, read-only (CareTeamService's rule for removals)"),
            new Allowed("checkin/CheckInSql", Set.of("plan"), false,
                    "the read models' shared baseline pain counts from the start of the patient's first plan that"
                            + " left the draft stage, read-only"),
            new Allowed("flag/FlagDemoData", Set.of("check_in"), false,
                    "demo data: raises the demo flags for the seeded check-ins"),
            new Allowed("demo", OWNER.keySet(), true,
                    "demo data seeding: writes the demo clinic, users, patients and history at start-up"
                            + " (only with walkrx.demo=true)"));

    /** {@code create table [if not exists] <name>} and {@code drop table [if exists] <name>} in a migration. */
    private static final Pattern DDL = Pattern.compile(
            "(?i)\\b(create|drop)\\s+table\\s+(?:if\\s+(?:not\\s+)?exists\\s+)?(?:[a-z_][a-z0-9_]*\\.)?([a-z_][a-z0-9_]*)\\b");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern TOUCH = Pattern.compile("(?i)\\b(from|join|into|update)\\s+([a-z_][a-z0-9_]*)\\b");
    private static final Path MAIN = Path.of("src/main/java/com/walkrx");

    @Test
    void sql_touches_other_modules_tables_only_where_allowed() {
        Map<String, String> sources = mainSources();
        List<String> found = violations(sources, new ArrayList<>());
        assertThat(found).as("SQL touching another module's table outside the allowed list").isEmpty();
    }

    @Test
    void every_table_the_migrations_create_has_an_owner() {
        Set<String> tables = tablesAfter(migrations());
        assertThat(tables).as("tables the migrations create").contains("check_in", "outbox_mail", "api_token");
        assertThat(unowned(tables)).as("tables with no owner in OWNER: add each with its module").isEmpty();
        assertThat(OWNER.keySet()).as("owners of tables no migration creates (or one drops)").isSubsetOf(tables);
    }

    @Test
    void the_rule_catches_a_planted_migration_table_with_no_owner() {
        Map<String, String> planted = new TreeMap<>(migrations());
        planted.put("V999__planted.sql", """
                -- create table in_a_comment (id bigint); a comment creates nothing
                /* create table in_a_block_comment (id bigint); */
                CREATE TABLE IF NOT EXISTS public.planted_table (id bigint primary key);
                create table plan_phase_copy (like plan_phase);
                drop table plan_phase_copy;
                """);
        assertThat(unowned(tablesAfter(planted))).containsExactly("planted_table");
    }

    @Test
    void the_rule_catches_a_planted_read_of_check_in_from_clinic() {
        Map<String, String> planted = Map.of("clinic/PlantedReader.java", """
                class PlantedReader {
                    // select * from check_in in a comment is no SQL
                    String sql = "select count(*) from check_in c join clinic k on k.id = c.clinic_id";
                    String own = \"""
                            select id from app_user
                            \""";
                }
                """);
        assertThat(violations(planted, new ArrayList<>()))
                .containsExactly("clinic/PlantedReader.java: from check_in (owned by checkin)");
    }

    @Test
    void the_rule_sees_the_sql_it_is_about_and_every_allowance_is_used() {
        Map<String, String> sources = mainSources();
        List<String> used = new ArrayList<>();
        violations(sources, used);
        assertThat(used).as("cross-module SQL the scanner found").contains("dashboard/CaseloadService.java:check_in",
                "plan/PlanFacts.java:walk");
        for (Allowed allowed : ALLOWED) {
            assertThat(used).as("allowance still needed: " + allowed.reader())
                    .anyMatch(u -> u.startsWith(allowed.reader() + "/") || u.startsWith(allowed.reader() + ".java"));
        }
        Set<String> owners = new HashSet<>(OWNER.values());
        assertThat(owners).allMatch(m -> Files.isDirectory(MAIN.resolve(m)), "every owner is a module");
    }

    /** The tables the migrations leave behind, in version order: created and not dropped again. */
    static Set<String> tablesAfter(Map<String, String> migrations) {
        Set<String> tables = new java.util.LinkedHashSet<>();
        migrations.entrySet().stream()
                .sorted(java.util.Comparator.comparing(e -> version(e.getKey())))
                .forEach(e -> {
                    String sql = e.getValue().replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ");
                    Matcher m = DDL.matcher(sql);
                    while (m.find()) {
                        String table = m.group(2).toLowerCase();
                        if (m.group(1).equalsIgnoreCase("create")) {
                            tables.add(table);
                        } else {
                            tables.remove(table);
                        }
                    }
                });
        return tables;
    }

    private static List<String> unowned(Set<String> tables) {
        return tables.stream().filter(t -> !OWNER.containsKey(t)).toList();
    }

    /** The version of {@code V<n>__name.sql}; repeatable and callback scripts (no version) run last. */
    private static long version(String file) {
        Matcher m = Pattern.compile("^V(\\d+)__").matcher(file);
        return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    /** Migration file name -> SQL text. */
    static Map<String, String> migrations() {
        Map<String, String> migrations = new TreeMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                migrations.put(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return migrations;
    }

    /** Path relative to com/walkrx -> source text. */
    static Map<String, String> mainSources() {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(MAIN.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** The violations in {@code sources}; every cross-module touch that was allowed goes to {@code used}. */
    static List<String> violations(Map<String, String> sources, List<String> used) {
        List<String> violations = new ArrayList<>();
        for (var source : sources.entrySet()) {
            String path = source.getKey();
            String module = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
            String readerClass = path.replaceFirst("(/ui)?/([^/]+)\\.java$", "/$2")
                    .replaceFirst("^([^/]+)/.*/([^/]+)$", "$1/$2");
            for (String literal : stringLiterals(source.getValue())) {
                Matcher m = TOUCH.matcher(literal);
                while (m.find()) {
                    String table = m.group(2).toLowerCase();
                    String owner = OWNER.get(table);
                    if (owner == null || owner.equals(module)) {
                        continue;
                    }
                    boolean write = m.group(1).equalsIgnoreCase("into") || m.group(1).equalsIgnoreCase("update");
                    boolean allowed = ALLOWED.stream().anyMatch(a -> (a.reader().equals(module)
                            || a.reader().equals(readerClass)) && a.tables().contains(table) && (a.writes() || !write));
                    if (allowed) {
                        used.add(path + ":" + table);
                    } else {
                        violations.add(path + ": " + m.group(1).toLowerCase() + " " + table + " (owned by " + owner + ")");
                    }
                }
            }
        }
        return violations;
    }

    /** The string literals and text blocks of a Java source, comments skipped. */
    static List<String> stringLiterals(String java) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                i = java.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                while (end > 0 && java.charAt(end - 1) == '\\') {
                    end = java.indexOf("\"\"\"", end + 3);
                }
                end = end < 0 ? n : end;
                literals.add(java.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"') {
                StringBuilder s = new StringBuilder();
                i++;
                while (i < n && java.charAt(i) != '"' && java.charAt(i) != '\n') {
                    if (java.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    s.append(java.charAt(i));
                    i++;
                }
                literals.add(s.toString());
                i++;
            } else if (c == '\'') {
                int end = java.indexOf('\'', java.charAt(i + 1) == '\\' ? i + 3 : i + 2);
                i = end < 0 ? n : end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }
}
