package com.walkrx.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * From the 201 of an URGENT check-in to the alert visible in a clinician's open browser session on the
 * flag inbox: a watcher in the page records Date.now() when the patient's (unique) family name becomes
 * visible; browser and harness share the machine's clock. One new patient per trial. Across instances, the
 * check-in goes to a second app instance on the same database and the browser stays on the first: the alert
 * travels through PostgreSQL's NOTIFY.
 */
final class FlagPushBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WARMUP = 2;
    private static final int DEADLINE_MS = 10_000;

    /** Installs the watcher; returns whether the marker is already visible (it must not be). */
    private static final String WATCH = """
            const marker = arguments[0], sel = arguments[1];
            if (window.__benchStop) window.__benchStop();
            window.__benchSeen = null;
            const visible = () => sel
                ? Array.from(document.querySelectorAll(sel)).some(e => e.getClientRects().length > 0
                      && (e.innerText || e.textContent || '').includes(marker))
                : document.body.innerText.includes(marker);
            let queued = false;
            const check = () => { queued = false; if (window.__benchSeen == null && visible()) { window.__benchSeen = Date.now(); stop(); } };
            const soon = () => { if (!queued) { queued = true; setTimeout(check, 0); } };
            const obs = new MutationObserver(soon);
            obs.observe(document.body, {subtree: true, childList: true, characterData: true});
            const iv = setInterval(check, 10);
            function stop() { obs.disconnect(); clearInterval(iv); }
            window.__benchStop = stop;
            return visible();
            """;

    /** Resolves with the time the watcher saw the marker, or null at the deadline. */
    private static final String AWAIT = """
            const deadline = arguments[0], done = arguments[arguments.length - 1];
            const t = setInterval(() => { if (window.__benchSeen != null) { clearInterval(t); done(window.__benchSeen); } }, 5);
            setTimeout(() => { clearInterval(t); done(window.__benchSeen); }, deadline);
            """;

    private final Generator.World world;
    private final String base;
    private final int port;
    private final int trials;
    private final String selector;
    private final String postBase;
    private final int firstPatient;

    FlagPushBench(Generator.World world, String base, int port, int trials, String selector) {
        this(world, base, port, trials, selector, base, 0);
    }

    /** Check-ins go to {@code postBase} (another instance, or the browser's own), patients from {@code firstPatient}. */
    FlagPushBench(Generator.World world, String base, int port, int trials, String selector, String postBase,
                  int firstPatient) {
        this.world = world;
        this.base = base;
        this.port = port;
        this.trials = trials;
        this.selector = selector == null || selector.isBlank() ? null : selector;
        this.postBase = postBase;
        this.firstPatient = firstPatient;
    }

    Map<String, Object> run(String checkInUnavailable) throws Exception {
        Map<String, Object> f = new LinkedHashMap<>();
        boolean cross = !postBase.equals(base);
        f.put("what", "time from the 201 of an URGENT check-in (bladderBowelProblems) to the alert visible in a "
                + "clinician's open /flags page " + (cross ? "on instance A, the check-in posted to instance B "
                + "(same PostgreSQL) " : "") + "(" + (selector == null ? "patient's family name in the page's "
                + "visible text" : "an element matching " + selector + " naming the patient") + "), "
                + trials + " trials after " + WARMUP + " warm-up, one new patient each");
        f.put("baseline", "the check-in's own POST round trip (p50)");
        f.put("target", Map.of("p95_max_ms", 1000.0));
        if (checkInUnavailable != null) {
            f.put("status", "unavailable: " + checkInUnavailable);
            return f;
        }
        if (world.pushPatients.size() < firstPatient + WARMUP + trials) {
            throw new IllegalStateException("not enough push patients");
        }
        Api api = new Api(postBase);
        List<Double> latencies = new ArrayList<>();
        List<Double> posts = new ArrayList<>();
        int early = 0;
        int missed = 0;
        try (Chromium browser = new Chromium(port)) {
            browser.login("localhost", "/flags", world.pushClinician(), world.password);
            browser.waitIdle();
            String text = browser.bodyText();
            if (text.contains("Could not navigate") || text.contains("Couldn't find route")
                    || !browser.path().startsWith("/flags")) {
                f.put("status", "unavailable: the flag inbox /flags is missing (page shows: "
                        + text.replaceAll("\\s+", " ").substring(0, Math.min(120, text.length())) + ")");
                return f;
            }
            for (int trial = 0; trial < WARMUP + trials; trial++) {
                Generator.PatientRef p = world.pushPatients.get(firstPatient + trial);
                if (Boolean.TRUE.equals(browser.js(WATCH, p.familyName(), selector))) {
                    throw new IllegalStateException(p.familyName() + " is visible before its check-in");
                }
                Api.Reply r = api.post(CheckInBench.PATH, Api.basic(p.username(), world.password),
                        CheckInBench.body(world.today, true, trial));
                long at201 = System.currentTimeMillis();
                if (r.status() != 201) {
                    throw new IllegalStateException("URGENT check-in failed: " + r.brief());
                }
                JsonNode flags = JSON.readTree(r.body()).path("flags");
                boolean urgent = false;
                for (JsonNode flag : flags) {
                    urgent |= "URGENT".equals(flag.path("tier").asString());
                }
                if (!urgent) {
                    throw new IllegalStateException("the check-in raised no URGENT flag: " + r.brief());
                }
                Object seen = browser.asyncJs(AWAIT, DEADLINE_MS);
                if (trial < WARMUP) {
                    continue;
                }
                posts.add(r.nanos() / 1e6);
                if (seen == null) {
                    missed++;
                    latencies.add((double) DEADLINE_MS);
                } else {
                    long d = ((Number) seen).longValue() - at201;
                    if (d < 0) {
                        early++;
                    }
                    latencies.add((double) Math.max(0, d));
                }
            }
        }
        Stats s = Stats.ofMillis(latencies.stream().mapToDouble(Double::doubleValue).toArray());
        Stats post = Stats.ofMillis(posts.stream().mapToDouble(Double::doubleValue).toArray());
        f.put("status", "measured");
        f.put("trials", trials);
        f.put("p50_ms", Report.round(s.p50()));
        f.put("p95_ms", Report.round(s.p95()));
        f.put("max_ms", Report.round(s.max()));
        f.put("value_ms", Report.round(s.p95()));
        f.put("baseline_ms", Report.round(post.p50()));
        f.put("ratio", Report.round(s.p50() / Math.max(post.p50(), 0.001)));
        f.put("missed_deadline", missed);
        f.put("visible_before_201", early);
        f.put("pass", missed == 0 && s.p95() <= 1000.0);
        return f;
    }
}
