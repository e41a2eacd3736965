package com.walkrx.base.security;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives the browsers' Content-Security-Policy violation reports: each is logged, and the latest
 * few are kept, so a page that breaks under the policy shows up in the log instead of going unnoticed.
 */
@RestController
public class CspReports {

    /** Where browsers send reports (the policy's report-uri). */
    public static final String PATH = "/csp-report";
    private static final Logger log = LoggerFactory.getLogger(CspReports.class);
    private static final int KEEP = 20;
    private static final int MAX_LENGTH = 2_000;

    /** Anyone may post reports: at most this many a minute reach the log. */
    private static final int LOG_PER_MINUTE = 20;

    private final Deque<String> latest = new ArrayDeque<>();
    private final AtomicLong received = new AtomicLong();
    private long minute;
    private int loggedThisMinute;

    @PostMapping(path = PATH, consumes = {"application/csp-report", "application/json", "application/reports+json"})
    ResponseEntity<Void> report(@RequestBody(required = false) String body) {
        String report = body == null ? "" : body.length() > MAX_LENGTH ? body.substring(0, MAX_LENGTH) : body;
        received.incrementAndGet();
        synchronized (latest) {
            long now = System.currentTimeMillis() / 60_000;
            if (now != minute) {
                minute = now;
                loggedThisMinute = 0;
            }
            if (loggedThisMinute++ < LOG_PER_MINUTE) {
                log.warn("Content-Security-Policy violation: {}", report.replaceAll("[\\r\\n]", " "));
            }
            latest.addFirst(report);
            while (latest.size() > KEEP) {
                latest.removeLast();
            }
        }
        return ResponseEntity.noContent().build();
    }

    /** How many reports this instance has received since it started. */
    public long received() {
        return received.get();
    }

    /** The latest reports, newest first. */
    public List<String> latest() {
        synchronized (latest) {
            return List.copyOf(latest);
        }
    }
}
