package com.walkrx.dashboard.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.walkrx.base.security.Caller;
import com.walkrx.outcome.ImprovementShare;
import com.walkrx.outcome.Instrument;
import com.walkrx.outcome.OutcomeService;
import java.util.List;

/** The clinic overview's share of patients with an important improvement on PEG and PSFS at weeks 4, 8 and 12. */
@StyleSheet("context://styles/outcome.css")
public class OutcomeShares extends Div {

    private final List<ImprovementShare> shares;

    public OutcomeShares(OutcomeService outcomes, Caller caller) {
        addClassName("card");
        setId("outcome-shares");
        shares = outcomes.improvementShares(caller);
        add(new H3("Important improvement on the outcome measures"));
        Paragraph note = new Paragraph("Of the patients who answered the questionnaire due at plan week 4, 8 or 12, "
                + "how many showed an important improvement on their plan's baseline: PEG a fall of 30% or more "
                + "(Krebs 2009), PSFS a rise of 2 points or more on the mean (Stratford 1995).");
        note.addClassName("muted");
        NativeTable table = new NativeTable();
        table.addClassName("outcome-shares");
        NativeTableRow head = new NativeTableRow(new NativeTableHeaderCell("Instrument"));
        OutcomeService.REPORTED_WEEKS.forEach(w -> head.add(new NativeTableHeaderCell("Week " + w)));
        table.add(new NativeTableHeader(head));
        NativeTableBody body = new NativeTableBody();
        for (Instrument instrument : List.of(Instrument.PEG, Instrument.PSFS)) {
            NativeTableRow row = new NativeTableRow(new NativeTableCell(instrument.label() + " (" + instrument + ")"));
            for (int week : OutcomeService.REPORTED_WEEKS) {
                row.add(new NativeTableCell(shares.stream()
                        .filter(s -> s.instrument() == instrument && s.week() == week).findFirst()
                        .map(OutcomeShares::cell).orElse("-")));
            }
            body.add(row);
        }
        table.add(body);
        add(note, table);
    }

    static String cell(ImprovementShare s) {
        return s.answered() == 0 ? "no answers yet"
                : Format.percent(s.share()) + " (" + s.improved() + " of " + s.answered() + ")";
    }

    /** For tests. */
    List<ImprovementShare> shares() {
        return shares;
    }
}
