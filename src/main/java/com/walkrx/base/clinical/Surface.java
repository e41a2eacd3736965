package com.walkrx.base.clinical;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

/**
 * Where a walk goes, and where a plan's phase allows walking (walking-plans.md: flat surfaces first, gentle
 * inclines only once the plan allows them; hills strain the lower back). The names are the API's values.
 */
public enum Surface implements Labelled {
    FLAT("Flat ground"),
    INCLINE("Gentle inclines"),
    HILL("Hills");

    private final String label;

    Surface(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
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

    /** In the enum's order (flat to hills), without repeats. */
    public static List<Surface> sorted(Collection<Surface> surfaces) {
        EnumSet<Surface> set = surfaces.isEmpty() ? EnumSet.noneOf(Surface.class) : EnumSet.copyOf(surfaces);
        return new ArrayList<>(set);
    }
}
