package com.walkrx.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Live heap of the app's JVM: {@code jcmd <pid> GC.class_histogram} runs a full GC and counts what survives. */
record Jcmd(String jcmd, long pid) {

    long liveHeapBytes() throws IOException, InterruptedException {
        return histogram().getOrDefault(TOTAL, new long[] {0, 0})[1];
    }

    static final String TOTAL = "(total)";

    /**
     * The live objects by class after a full GC: class name -> {instances, bytes}; the sum is under
     * {@link #TOTAL}.
     */
    java.util.Map<String, long[]> histogram() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd failed: " + tail(out));
        }
        java.util.Map<String, long[]> classes = new java.util.HashMap<>();
        for (String line : out.split("\n")) {
            String t = line.trim();
            String[] parts = t.split("\\s+");
            if (t.startsWith("Total") && parts.length >= 3) {
                classes.put(TOTAL, new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            } else if (parts.length >= 4 && parts[0].endsWith(":")) {
                classes.merge(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])},
                        (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]});
            }
        }
        if (!classes.containsKey(TOTAL)) {
            throw new IllegalStateException("no Total line in jcmd output: " + tail(out));
        }
        return classes;
    }

    /** The smaller of two histograms by total: a second full GC may free what the first only finalized. */
    java.util.Map<String, long[]> settledHistogram() throws IOException, InterruptedException {
        java.util.Map<String, long[]> first = histogram();
        java.util.Map<String, long[]> second = histogram();
        return first.get(TOTAL)[1] <= second.get(TOTAL)[1] ? first : second;
    }

    /** The smaller of two readings: a second full GC may free what the first only finalized. */
    long settledLiveHeapBytes() throws IOException, InterruptedException {
        long first = liveHeapBytes();
        return Math.min(first, liveHeapBytes());
    }

    private static String tail(String s) {
        return s.length() > 400 ? s.substring(s.length() - 400) : s;
    }
}
