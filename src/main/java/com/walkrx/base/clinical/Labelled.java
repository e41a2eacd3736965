package com.walkrx.base.clinical;

import java.util.Locale;

/** A closed vocabulary's value with a display label for people ("Gentle inclines"), beside its API name. */
public interface Labelled {

    /** The display label, e.g. "Gentle inclines" (a list item, a choice). */
    String label();

    /** The label inside a sentence: "gentle inclines". */
    default String words() {
        return label().toLowerCase(Locale.ROOT);
    }
}
