package com.walkrx.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;

/**
 * Live heap per open clinician session, as Vaadin recommends measuring it: live heap after a full GC with
 * no session and with N real browser sessions, each logged in as a clinician with the caseload open.
 */
final class SessionBench {

    private final Generator.World world;
    private final int port;
    private final Jcmd jcmd;
    private final int sessions;

    SessionBench(Generator.World world, int port, Jcmd jcmd, int sessions) {
        this.world = world;
        this.port = port;
        this.jcmd = jcmd;
        this.sessions = sessions;
    }

    Map<String, Object> run() throws Exception {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("status", "measured");
        f.put("what", "(live heap with N sessions - live heap with 0) / N, live heap = jcmd GC.class_histogram total "
                + "after a full GC; each session a headless Chromium tab on its own *.localhost host, logged in as a "
                + "clinician, on /caseload");
        f.put("baseline", "live heap with 0 sessions (after one warm-up session that logged out)");
        f.put("target", Map.of("max_kb", 300.0));
        List<String> clinicians = new ArrayList<>(world.generalClinicians().stream()
                .filter(u -> !u.contains("-clin-0-")).toList());
        clinicians.add(world.benchClinician());
        int gridMissing = 0;
        try (Chromium browser = new Chromium(port)) {
            // warm-up: first use of the view, caches, JIT; then log out so no session is left
            browser.login("warmup.localhost", "/caseload", world.benchClinician(), world.password);
            browser.waitForCaseload();
            boolean loggedOut = false;
            try {
                browser.waitFor(By.cssSelector(".logout-button")).click();
                browser.until(d -> browser.path().startsWith("/login"), 15);
                loggedOut = true;
            } catch (RuntimeException e) {
                // no logout button: the warm-up session then stays in both readings, which cancels out
            }
            f.put("warmup_logged_out", loggedOut);
            Map<String, long[]> histogram0 = jcmd.settledHistogram();
            long heap0 = histogram0.get(Jcmd.TOTAL)[1];
            long heapHalf = 0;
            long start = System.nanoTime();
            for (int i = 1; i <= sessions; i++) {
                browser.newTab();
                browser.login("s" + i + ".localhost", "/caseload", clinicians.get(i % clinicians.size()), world.password);
                if (!browser.waitForCaseload()) {
                    gridMissing++;
                }
                if (i == sessions / 2) {
                    heapHalf = jcmd.settledLiveHeapBytes();
                }
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            Map<String, long[]> histogramN = jcmd.settledHistogram();
            long heapN = histogramN.get(Jcmd.TOTAL)[1];
            f.put("top_classes_per_session", topClasses(histogram0, histogramN, sessions, 15));
            f.put("objects_per_session", counts(histogram0, histogramN, sessions));
            double kb = (heapN - heap0) / (double) sessions / 1024.0;
            double kbHalf = (heapHalf - heap0) / (double) (sessions / 2) / 1024.0;
            f.put("sessions", sessions);
            f.put("value_kb", Report.round(kb));
            f.put("baseline_heap_bytes", heap0);
            f.put("heap_n_bytes", heapN);
            f.put("heap_half_bytes", heapHalf);
            f.put("kb_per_session_first_half", Report.round(kbHalf));
            // the marginal cost: without what the first sessions add once (connection pool, caches)
            f.put("kb_per_session_second_half",
                    Report.round((heapN - heapHalf) / (double) (sessions - sessions / 2) / 1024.0));
            f.put("seconds_to_open_sessions", Report.round(openSeconds));
            f.put("tabs_without_grid_rows", gridMissing);
            f.put("pass", kb <= 300.0);
        }
        return f;
    }

    /** What an open session holds: Vaadin sessions and UIs, and the server's connections and processors. */
    static Map<String, Object> counts(Map<String, long[]> before, Map<String, long[]> after, int sessions) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String c : List.of("com.vaadin.flow.server.VaadinSession", "com.vaadin.flow.component.UI",
                "org.apache.catalina.session.StandardSession", "org.apache.tomcat.util.net.NioChannel",
                "org.apache.tomcat.util.net.SocketBufferHandler", "org.apache.coyote.http11.Http11Processor",
                "org.apache.tomcat.websocket.server.WsSessionServer", "org.apache.tomcat.websocket.WsSession",
                "org.atmosphere.cpr.AtmosphereResourceImpl")) {
            long n = after.getOrDefault(c, new long[] {0, 0})[0] - before.getOrDefault(c, new long[] {0, 0})[0];
            m.put(c.substring(c.lastIndexOf('.') + 1), Report.round(n / (double) sessions));
        }
        return m;
    }

    /** Where a session's bytes are: the classes whose live bytes grew most, per session. */
    static List<Map<String, Object>> topClasses(Map<String, long[]> before, Map<String, long[]> after, int sessions,
                                                int limit) {
        return after.entrySet().stream()
                .filter(e -> !Jcmd.TOTAL.equals(e.getKey()))
                .map(e -> {
                    long[] b = before.getOrDefault(e.getKey(), new long[] {0, 0});
                    return Map.entry(e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]});
                })
                .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]))
                .limit(limit)
                .map(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("class", e.getKey());
                    m.put("kb", Report.round(e.getValue()[1] / (double) sessions / 1024.0));
                    m.put("instances", Report.round(e.getValue()[0] / (double) sessions));
                    return m;
                })
                .toList();
    }
}
