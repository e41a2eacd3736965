package com.walkrx.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Live heap of the app's JVM: {@code jcmd <pid> GC.class_histogram} runs a full GC and counts what survives. */
record Jcmd(String jcmd, long pid) {

    long liveHeapBytes() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd failed: " + tail(out));
        }
        for (String line : out.split("\n")) {
            String t = line.trim();
            if (t.startsWith("Total")) {
                String[] parts = t.split("\\s+");
                return Long.parseLong(parts[2]);
            }
        }
        throw new IllegalStateException("no Total line in jcmd output: " + tail(out));
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
