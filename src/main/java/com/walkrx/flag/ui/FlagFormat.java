package com.walkrx.flag.ui;

import com.vaadin.flow.component.html.Span;
import com.walkrx.flag.FlagView;
import com.walkrx.base.clinical.Tier;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Shared bits of the flag screens: tier badges and times in the clinic's zone. */
final class FlagFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private FlagFormat() {
    }

    static Span tierBadge(Tier tier) {
        Span badge = new Span(tier.name());
        badge.addClassNames("tier-badge", "tier-" + tier.name());
        badge.getElement().setAttribute("title", tier.label() + ": " + tier.patientMessage());
        return badge;
    }

    static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    /** The most recent evidence in words, for one-line lists. */
    static String latestEvidence(FlagView flag) {
        return flag.evidence().isEmpty() ? "" : flag.evidence().getLast().detail();
    }
}
