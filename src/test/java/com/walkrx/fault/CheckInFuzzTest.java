package com.walkrx.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Issue 12: property-based fuzzing of {@code POST /api/v1/check-ins} through the real HTTP stack of an app process
 * (jqwik beside Jupiter). Bodies are generated valid and invalid in every field, with walk counts and minutes
 * around the plausibility limits; a model of the rules (API.md, walking-plans.md) says which fields are wrong.
 * Every valid body is 201, every invalid one 400 naming only fields the model finds wrong, never anything else,
 * and the patient's stored check-ins grow by exactly the 201s. More tries: {@code -Dwalkrx.fuzz.tries=10000}.
 */
class CheckInFuzzTest {

    static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");
    static final List<String> PATIENTS = List.of("demo-patient-9", "demo-patient-10", "demo-patient-11");
    static final Pattern FIELD = Pattern.compile("\"field\":\"([^\"]+)\"");

    static FaultRig rig;
    /** Per patient and date: walked minutes stored (the model of the 600-minute day). */
    static final Map<String, Integer> minutes = new HashMap<>();
    static final Map<String, Long> stored = new HashMap<>();

    @BeforeContainer
    static void start() throws Exception {
        rig = FaultRig.shared();
        try (Connection c = rig.db()) {
            for (String patient : PATIENTS) {
                stored.put(patient, count(c, patient));
                try (PreparedStatement ps = c.prepareStatement("""
                        select w.date, sum(w.minutes) from walk w join patient p on p.id = w.patient_id
                        join app_user u on u.id = p.user_id where u.username = ? group by w.date""")) {
                    ps.setString(1, patient);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            minutes.put(patient + rs.getObject(1, LocalDate.class), rs.getInt(2));
                        }
                    }
                }
            }
        }
    }

    record WalkBody(Integer minutes, String surface, Integer painBefore, Integer painAfter, Boolean sharpPain) {
    }

    record Body(int patient, int daysBack, Object overallPain, Integer steps, List<WalkBody> walks, boolean symptoms,
                boolean feverMissing, Integer notesLength) {
    }

    /** Tries: jqwik.tries.default (src/test/resources/junit-platform.properties, or -Djqwik.tries.default=10000). */
    @Property
    void valid_check_ins_are_201_invalid_ones_400_naming_the_field(@ForAll("bodies") Body body) throws Exception {
        String patient = PATIENTS.get(body.patient());
        LocalDate today = LocalDate.now(CLINIC_ZONE);
        LocalDate date = today.minusDays(body.daysBack());
        Set<String> wrong = wrongFields(body, patient, date);
        FaultRig.Reply reply = rig.post("/api/v1/check-ins", patient, json(body, date), null);
        if (wrong.isEmpty()) {
            assertThat(reply.status()).as("valid body %s: %s", body, reply.body()).isEqualTo(201);
            stored.merge(patient, 1L, Long::sum);
            int walked = body.walks() == null ? 0 : body.walks().stream().mapToInt(WalkBody::minutes).sum();
            minutes.merge(patient + date, walked, Integer::sum);
        } else {
            assertThat(reply.status()).as("invalid body %s (%s): %s", body, wrong, reply.body()).isEqualTo(400);
            List<String> named = new ArrayList<>();
            Matcher m = FIELD.matcher(reply.body());
            while (m.find()) {
                named.add(m.group(1));
            }
            assertThat(named).as("fields named for %s", body).isNotEmpty().isSubsetOf(wrong);
        }
        try (Connection c = rig.db()) {
            assertThat(count(c, patient)).as("stored check-ins equal the 201s").isEqualTo(stored.get(patient));
        }
    }

    /** The model: every field the rules find wrong in this body (empty: valid). */
    static Set<String> wrongFields(Body b, String patient, LocalDate date) {
        Set<String> wrong = new LinkedHashSet<>();
        if (b.daysBack() < 0 || b.daysBack() > 7) {
            wrong.add("date");
        }
        if (b.overallPain() != null && !(b.overallPain() instanceof Integer p && p >= 0 && p <= 10)) {
            wrong.add("overallPain");
        }
        if (b.steps() != null && (b.steps() < 0 || b.steps() > 100_000)) {
            wrong.add("steps");
        }
        List<WalkBody> walks = b.walks() == null ? List.of() : b.walks();
        if (walks.size() > 20) {
            wrong.add("walks");
        } else {
            int inRequest = 0;
            int total = minutes.getOrDefault(patient + date, 0);
            boolean walksValid = true;
            for (int i = 0; i < walks.size(); i++) {
                WalkBody w = walks.get(i);
                String path = "walks[" + i + "]";
                boolean ok = true;
                if (w.minutes() == null || w.minutes() < 1 || w.minutes() > 300) {
                    wrong.add(path + ".minutes");
                    ok = false;
                }
                if (!List.of("FLAT", "INCLINE", "HILL").contains(w.surface())) {
                    wrong.add(path + ".surface");
                    ok = false;
                }
                if (w.painBefore() == null || w.painBefore() < 0 || w.painBefore() > 10) {
                    wrong.add(path + ".painBefore");
                    ok = false;
                }
                if (w.painAfter() == null || w.painAfter() < 0 || w.painAfter() > 10) {
                    wrong.add(path + ".painAfter");
                    ok = false;
                }
                if (w.sharpPain() == null) {
                    wrong.add(path + ".sharpPain");
                    ok = false;
                }
                walksValid &= ok;
                if (ok) {
                    inRequest += w.minutes();
                    total += w.minutes();
                    if (inRequest > 600 || total > 600) {
                        wrong.add(path + ".minutes"); // past the day's 600 minutes (alone or with stored ones)
                    }
                }
            }
        }
        if (b.symptoms() && b.feverMissing()) {
            wrong.add("symptoms.fever");
        }
        if (b.notesLength() != null && b.notesLength() > 2000) {
            wrong.add("notes");
        }
        if (walks.isEmpty() && !b.symptoms() && b.overallPain() == null) {
            wrong.add("body");
        }
        return wrong;
    }

    static String json(Body b, LocalDate date) {
        StringBuilder s = new StringBuilder("{\"date\":\"").append(date).append('"');
        if (b.overallPain() instanceof String text) {
            s.append(",\"overallPain\":\"").append(text).append('"');
        } else if (b.overallPain() != null) {
            s.append(",\"overallPain\":").append(b.overallPain());
        }
        if (b.steps() != null) {
            s.append(",\"steps\":").append(b.steps());
        }
        if (b.walks() != null) {
            s.append(",\"walks\":[");
            for (int i = 0; i < b.walks().size(); i++) {
                WalkBody w = b.walks().get(i);
                s.append(i == 0 ? "" : ",").append("{\"minutes\":").append(w.minutes()).append(",\"surface\":")
                        .append(w.surface() == null ? "null" : "\"" + w.surface() + "\"")
                        .append(",\"painBefore\":").append(w.painBefore()).append(",\"painAfter\":").append(w.painAfter())
                        .append(",\"sharpPain\":").append(w.sharpPain()).append('}');
            }
            s.append(']');
        }
        if (b.symptoms()) {
            s.append(",\"symptoms\":{\"numbnessTingling\":\"NONE\",\"legWeakness\":\"NONE\",\"bothLegs\":false,"
                    + "\"saddleNumbness\":false,\"bladderBowelProblems\":false,")
                    .append(b.feverMissing() ? "" : "\"fever\":false,")
                    .append("\"unexplainedWeightLoss\":false,\"newInjuryOrFall\":false}");
        }
        if (b.notesLength() != null) {
            s.append(",\"notes\":\"").append("n".repeat(b.notesLength())).append('"');
        }
        return s.append('}').toString();
    }

    @Provide
    Arbitrary<Body> bodies() {
        Arbitrary<Integer> pain = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.integers().between(0, 10)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(-1, 11, 1000, Integer.MIN_VALUE)));
        Arbitrary<WalkBody> walk = Combinators.combine(
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, Arbitraries.integers().between(1, 60)),
                        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(61, 300)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of(0, 301, -5)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just((Integer) null))),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(14, Arbitraries.of("FLAT", "INCLINE", "HILL")),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of("MOON", "flat"))),
                pain, pain,
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(14, Arbitraries.of(true, false)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just((Boolean) null))))
                .as(WalkBody::new);
        Arbitrary<List<WalkBody>> few = walk.list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<WalkBody>> many = walk.list().ofMinSize(18).ofMaxSize(23);
        Arbitrary<List<WalkBody>> walks = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, few),
                net.jqwik.api.Tuple.of(2, many),
                net.jqwik.api.Tuple.of(3, Arbitraries.just((List<WalkBody>) null)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(List.<WalkBody>of())));
        Arbitrary<Object> overallPain = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, pain.map(p -> (Object) p)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(null)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Object) "four")));
        Arbitrary<Integer> steps = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 100_000)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just((Integer) null)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(-1, 100_001)));
        Arbitrary<Integer> notes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just((Integer) null)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 2000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(2001, 2005)));
        return Combinators.combine(Arbitraries.integers().between(0, PATIENTS.size() - 1),
                        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, Arbitraries.integers().between(0, 7)),
                                net.jqwik.api.Tuple.of(1, Arbitraries.of(-1, 8, 30))),
                        overallPain, steps, walks, Arbitraries.of(true, false),
                        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, Arbitraries.just(false)),
                                net.jqwik.api.Tuple.of(1, Arbitraries.just(true))),
                        notes)
                .as(Body::new);
    }

    private static long count(Connection c, String patient) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                select count(*) from check_in ci join patient p on p.id = ci.patient_id
                join app_user u on u.id = p.user_id where u.username = ?""")) {
            ps.setString(1, patient);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
