package com.walkrx.base.ui;

import java.util.List;
import java.util.Locale;

/**
 * The locale a clinic's dates are written in ({@code clinic.locale}, a BCP 47 tag): dd/MM/yyyy and Monday-first
 * pickers for en-GB. Implemented by the clinic module, which owns the table.
 */
public interface ClinicLocales {

    /** The tags a clinic may choose, the default first. */
    List<String> SUPPORTED = List.of("en-GB", "en-IE", "en-AU", "en-US", "de-DE", "fr-FR", "nl-NL");

    Locale locale(long clinicId);

    /** Whether {@code tag} is one of {@link #SUPPORTED}, exactly as written there. */
    static boolean supported(String tag) {
        return tag != null && SUPPORTED.contains(tag);
    }
}
