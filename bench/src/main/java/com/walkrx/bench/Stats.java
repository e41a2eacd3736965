package com.walkrx.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles of a set of durations, in milliseconds. */
record Stats(int n, double p50, double p95, double p99, double mean, double min, double max) {

    static Stats ofNanos(long[] nanos) {
        double[] ms = new double[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            ms[i] = nanos[i] / 1_000_000.0;
        }
        return ofMillis(ms);
    }

    static Stats ofMillis(double[] values) {
        if (values.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return new Stats(v.length, pct(v, 50), pct(v, 95), pct(v, 99), sum / v.length, v[0], v[v.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("p50_ms", Report.round(p50));
        m.put("p95_ms", Report.round(p95));
        m.put("p99_ms", Report.round(p99));
        m.put("mean_ms", Report.round(mean));
        m.put("min_ms", Report.round(min));
        m.put("max_ms", Report.round(max));
        return m;
    }
}
