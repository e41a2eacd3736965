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
            long heap0 = jcmd.settledLiveHeapBytes();
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
            long heapN = jcmd.settledLiveHeapBytes();
            double kb = (heapN - heap0) / (double) sessions / 1024.0;
            double kbHalf = (heapHalf - heap0) / (double) (sessions / 2) / 1024.0;
            f.put("sessions", sessions);
            f.put("value_kb", Report.round(kb));
            f.put("baseline_heap_bytes", heap0);
            f.put("heap_n_bytes", heapN);
            f.put("heap_half_bytes", heapHalf);
            f.put("kb_per_session_first_half", Report.round(kbHalf));
            f.put("seconds_to_open_sessions", Report.round(openSeconds));
            f.put("tabs_without_grid_rows", gridMissing);
            f.put("pass", kb <= 300.0);
        }
        return f;
    }
}
