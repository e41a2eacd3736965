package com.walkrx.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What HTTP Basic costs per request: the same authenticated request (to a path no controller has) as a
 * user whose hash has the benchmark's bcrypt cost and as one with the product's default cost 10.
 */
final class AuthBench {

    static Map<String, Object> run(Generator.World world, String base, int cheapCost) {
        Api api = new Api(base);
        String path = "/api/v1/bench-auth-probe";
        String cheap = Api.basic(world.benchClinician(), world.password);
        String costly = Api.basic(world.costlyUser(), world.password);
        int n = 20;
        long[] a = new long[n];
        long[] b = new long[n];
        int status = 0;
        for (int i = 0; i < 5; i++) {
            api.get(path, cheap);
            api.get(path, costly);
        }
        for (int i = 0; i < n; i++) {
            Api.Reply r = api.get(path, cheap);
            status = r.status();
            a[i] = r.nanos();
            b[i] = api.get(path, costly).nanos();
        }
        Stats sa = Stats.ofNanos(a);
        Stats sb = Stats.ofNanos(b);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("status", "measured");
        f.put("what", "GET " + path + " (authenticated, then " + status + "), p50 of " + n
                + ": the benchmark accounts' bcrypt cost " + cheapCost + " against the product's default cost 10");
        f.put("cost_" + cheapCost + "_p50_ms", Report.round(sa.p50()));
        f.put("cost_10_p50_ms", Report.round(sb.p50()));
        f.put("bcrypt10_extra_ms_per_request", Report.round(sb.p50() - sa.p50()));
        f.put("note", "the API is stateless HTTP Basic, so every request verifies the password; the check-in and "
                + "read figures use cost-" + cheapCost + " hashes (same {bcrypt} format and code path) so they show "
                + "service time; add this figure for accounts with the default cost");
        return f;
    }
}
