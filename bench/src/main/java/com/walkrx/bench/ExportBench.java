package com.walkrx.bench;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exports of one patient with the whole generated history (365 days in a full run): the progress report
 * (PDF), the check-in CSV and the FHIR Bundle, each downloaded whole over HTTP by a clinician on the care team.
 * Reported, not judged: the aim is under a second each at 365 days.
 */
final class ExportBench {

    private final Db db;
    private final Generator.World world;
    private final String base;
    private final int reps;

    ExportBench(Db db, Generator.World world, String base, int reps) {
        this.db = db;
        this.world = world;
        this.base = base;
        this.reps = reps;
    }

    Map<String, Object> run() throws Exception {
        Api api = new Api(base);
        String auth = Api.basic(world.benchClinician(), world.password);
        long patientId = world.chartPatient.id();
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("what", "GET /api/v1/patients/{id}/report.pdf, /check-ins.csv and /fhir of one patient, whole "
                + "body received (HTTP round trip with Basic authentication, bcrypt cost of the bench accounts)");
        figure.put("patient_id", patientId);
        figure.put("days", world.days);
        try (Connection c = db.open()) {
            figure.put("check_ins", Db.queryLong(c, "select count(*) from check_in where patient_id = " + patientId));
            figure.put("walks", Db.queryLong(c, "select count(*) from walk where patient_id = " + patientId));
        }
        boolean all = true;
        for (String what : List.of("report.pdf", "check-ins.csv", "fhir")) {
            String path = "/api/v1/patients/" + patientId + "/" + what;
            Api.Reply probe = api.get(path, auth);
            Map<String, Object> one = new LinkedHashMap<>();
            if (probe.status() != 200) {
                one.put("status", "unavailable: " + path + " returned " + probe.brief());
                all = false;
                figure.put(what, one);
                continue;
            }
            for (int i = 0; i < 3; i++) {
                api.get(path, auth); // warm-up
            }
            long[] nanos = new long[reps];
            for (int i = 0; i < reps; i++) {
                Api.Reply r = api.get(path, auth);
                if (r.status() != 200) {
                    throw new IllegalStateException(path + " returned " + r.brief());
                }
                nanos[i] = r.nanos();
            }
            one.put("status", "measured");
            one.put("content_type", probe.contentType());
            one.put("body_chars", probe.body().length());
            one.putAll(Stats.ofNanos(nanos).toMap());
            figure.put(what, one);
        }
        figure.put("status", all ? "measured" : "unavailable: an export endpoint is missing");
        return figure;
    }
}
