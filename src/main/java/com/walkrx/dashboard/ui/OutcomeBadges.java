package com.walkrx.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.walkrx.dashboard.CaseloadRow;

/** The caseload's outcome-measures column: overdue questionnaires and an important improvement reached. */
final class OutcomeBadges {

    private OutcomeBadges() {
    }

    static void addColumn(Grid<CaseloadRow> grid) {
        grid.addColumn(LitRenderer.<CaseloadRow>of("""
                        <span class="outcome-badges">
                          <span class="outcome-overdue" ?hidden="${!item.overdue}" title="${item.overdueTitle}">${item.overdue}</span>
                          <span class="outcome-improved" ?hidden="${!item.improved}"
                                title="The latest response shows an important improvement">${item.improved}</span>
                          <span class="muted" ?hidden="${item.any}">-</span>
                        </span>""")
                        .withProperty("overdue", r -> r.overdueQuestionnaires() == 0 ? ""
                                : r.overdueQuestionnaires() + " overdue")
                        .withProperty("overdueTitle", r -> "Questionnaires unanswered more than 3 days after their due date")
                        .withProperty("improved", r -> r.improvedOn() == null ? "" : "Improved: " + r.improvedOn())
                        .withProperty("any", r -> r.overdueQuestionnaires() > 0 || r.improvedOn() != null))
                .setHeader("Questionnaires").setKey("outcomes").setSortable(true).setSortProperty("outcomes")
                .setWidth("170px").setFlexGrow(0);
    }
}
