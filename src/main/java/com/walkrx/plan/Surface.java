package com.walkrx.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

/** Where a phase allows walking (walking-plans.md: flat first, gentle inclines later). */
public enum Surface {
    FLAT("flat ground"), INCLINE("gentle inclines"), HILL("hills");

    private final String words;

    Surface(String words) {
        this.words = words;
    }

    /** Plain words for a patient, e.g. "flat ground". */
    public String words() {
        return words;
    }

    /** "flat ground", "flat ground or gentle inclines", "flat ground, gentle inclines or hills". */
    public static String words(Collection<Surface> surfaces) {
        List<String> parts = sorted(surfaces).stream().map(Surface::words).toList();
        if (parts.isEmpty()) {
            return "";
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.getLast();
    }

    static List<Surface> sorted(Collection<Surface> surfaces) {
        EnumSet<Surface> set = surfaces.isEmpty() ? EnumSet.noneOf(Surface.class) : EnumSet.copyOf(surfaces);
        return new ArrayList<>(set);
    }

    /** Stored form: "FLAT,INCLINE". */
    static String encode(Collection<Surface> surfaces) {
        return String.join(",", sorted(surfaces).stream().map(Enum::name).toList());
    }

    static List<Surface> decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return sorted(Arrays.stream(stored.split(",")).map(String::trim).map(Surface::valueOf).toList());
    }
}
