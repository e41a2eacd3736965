package com.walkrx.bench;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caseload on a second network of many patients with a short history (full run: 20,000 x 90 days), beside
 * the figure's 500 and 5,000 x {@code days}: the same request, the same hand-written SQL, its own data.
 */
final class WideCaseload {

    private WideCaseload() {
    }

    static Map<String, Object> measure(Db db, String prefix, ZoneId zone, Scale scale, int cost, String base,
                                       ReadBench first) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        String wPrefix = prefix + "w";
        Generator.World wide = new Generator.World(wPrefix, "bench-" + wPrefix + "-walks",
                java.time.LocalDate.now(zone), scale.wideDays());
        Generator generator = new Generator(db, wide, zone, 20261202L, cost);
        generator.load(0, scale.widePatients());
        generator.analyze();
        BenchMain.log("loaded " + generator.load.rows + " rows of the second network; measuring the caseload");
        ReadBench reads = new ReadBench(db, wide, base, scale.readReps(), zone.getId());
        String label = "at_" + scale.widePatients() + "_x_" + scale.wideDays() + "_days";
        reads.measure(label);
        Map<String, Object> size = reads.caseloadAt(label);
        if (reads.caseloadUnavailable() != null || size == null) {
            out.put("wide_status", "unavailable: " + reads.caseloadUnavailable());
            return out;
        }
        out.put("wide_status", "measured");
        out.put(label, size);
        double ratio = (double) size.get("ratio");
        out.put("ratio_wide", ratio);
        Map<String, Object> large = first.caseloadAt("at_" + scale.largePatients());
        if (large != null) {
            @SuppressWarnings("unchecked")
            double app5000 = (double) ((Map<String, Object>) large.get("app")).get("p50_ms");
            @SuppressWarnings("unchecked")
            double appWide = (double) ((Map<String, Object>) size.get("app")).get("p50_ms");
            out.put("growth_wide_vs_" + scale.largePatients(), Report.round(appWide / app5000));
            out.put("pass_wide", ratio <= 1.5 && appWide / app5000 <= 2.0);
        } else {
            out.put("pass_wide", ratio <= 1.5);
        }
        return out;
    }
}
