package com.walkrx.flag.ui;

import com.walkrx.base.ui.Dates;
import com.vaadin.flow.component.html.Span;
import com.walkrx.flag.AttentionCounts;
import com.walkrx.flag.FlagStatus;
import com.walkrx.flag.FlagView;
import com.walkrx.base.clinical.Tier;
import java.time.Instant;
import java.time.ZoneId;

/** Shared bits of the flag screens: tier badges and times in the clinic's zone. */
final class FlagFormat {

    private FlagFormat() {
    }

    static Span tierBadge(Tier tier) {
        Span badge = new Span(tier.name());
        badge.addClassNames("tier-badge", "tier-" + tier.name());
        badge.getElement().setAttribute("title", tier.label() + ": " + tier.patientMessage());
        return badge;
    }

    static String time(Instant instant, ZoneId zone) {
        return com.walkrx.base.ui.Dates.dateTime(instant, zone);
    }

    /** The flag's status in one line: "Open", or "Acknowledged by Dr X, 02/12/2026, 09:30" until resolved. */
    static Span statusLine(FlagView flag, ZoneId zone) {
        String text = flag.status() == FlagStatus.ACKNOWLEDGED && flag.acknowledgedAt() != null
                ? "Acknowledged by " + flag.acknowledgedBy() + ", " + time(flag.acknowledgedAt(), zone)
                : flag.status().label();
        Span status = new Span(text);
        status.addClassNames("flag-status", "flag-status-" + flag.status().name());
        return status;
    }

    /** "No flags need attention", or "2 need attention: 1 urgent, 1 high, 0 advisory (1 acknowledged, ...)". */
    static String attentionSummary(AttentionCounts c) {
        if (c.total() == 0) {
            return "No flags need attention";
        }
        return c.total() + " need attention: " + c.urgent() + " urgent, " + c.high() + " high, " + c.advisory()
                + " advisory" + (c.acknowledged() == 0 ? ""
                : " (" + c.acknowledged() + " acknowledged, not yet resolved)");
    }

    /** The most recent evidence in words, for one-line lists. */
    static String latestEvidence(FlagView flag) {
        return flag.evidence().isEmpty() ? "" : Dates.inText(flag.evidence().getLast().detail());
    }
}
