package com.walkrx.bench;

import java.util.Arrays;

/** A growable list of primitive longs (latencies), so measuring does not allocate per sample. */
final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    static long[] concat(Iterable<LongList> lists) {
        int n = 0;
        for (LongList l : lists) {
            n += l.size;
        }
        long[] all = new long[n];
        int at = 0;
        for (LongList l : lists) {
            System.arraycopy(l.values, 0, all, at, l.size);
            at += l.size;
        }
        return all;
    }
}
