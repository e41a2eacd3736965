package com.walkrx.checkin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.walkrx.base.api.PageResponse;
import com.walkrx.checkin.CheckInRecord;
import java.time.ZoneId;
import java.util.function.IntFunction;

/** Check-ins as cards, one page at a time, newest first, with "Newer" and "Older" buttons. */
class CheckInPager extends Div {

    private final IntFunction<PageResponse<CheckInRecord>> fetch;
    private final ZoneId zone;
    private final String emptyText;
    private final Div cards = new Div();
    private final Button newer = new Button("Newer", VaadinIcon.ARROW_LEFT.create());
    private final Button older = new Button("Older", VaadinIcon.ARROW_RIGHT.create());
    private final Span position = new Span();
    private int page;

    CheckInPager(IntFunction<PageResponse<CheckInRecord>> fetch, ZoneId zone, String emptyText) {
        this.fetch = fetch;
        this.zone = zone;
        this.emptyText = emptyText;
        addClassName("checkin-pager");
        cards.addClassName("checkin-cards");
        cards.getElement().setAttribute("aria-live", "polite");
        newer.addClassName("page-newer");
        older.addClassName("page-older");
        older.setIconAfterText(true);
        newer.setAriaLabel("Show newer check-ins");
        older.setAriaLabel("Show older check-ins");
        newer.addClickListener(e -> show(page - 1));
        older.addClickListener(e -> show(page + 1));
        position.addClassName("page-position");
        Div nav = new Div(newer, position, older);
        nav.addClassName("pager-nav");
        add(cards, nav);
    }

    /** Shows the first (newest) page again. */
    void refresh() {
        show(0);
    }

    private void show(int requested) {
        PageResponse<CheckInRecord> result = fetch.apply(Math.max(0, requested));
        page = result.page();
        cards.removeAll();
        if (result.items().isEmpty()) {
            Paragraph empty = new Paragraph(emptyText);
            empty.addClassName("checkin-empty");
            cards.add(empty);
        }
        result.items().forEach(c -> cards.add(new CheckInCard(c, zone)));
        long pages = Math.max(1, (result.total() + result.size() - 1) / result.size());
        position.setText("Page " + (page + 1) + " of " + pages);
        newer.setEnabled(page > 0);
        older.setEnabled(page + 1 < pages);
    }
}
