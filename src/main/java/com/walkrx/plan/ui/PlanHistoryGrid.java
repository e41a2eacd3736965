package com.walkrx.plan.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.walkrx.base.security.Caller;
import com.walkrx.base.ui.Dates;
import com.walkrx.plan.PlanChangeView;
import com.walkrx.plan.PlanService;

/** Every change of a patient's plan, newest first, loaded page by page: when (clinic's zone), who, what. */
class PlanHistoryGrid extends Grid<PlanChangeView> {

    PlanHistoryGrid(PlanService plans, Caller caller, long patientId) {
        super(PlanChangeView.class, false);
        addClassName("plan-history");
        addColumn(c -> Dates.dateTime(c.at(), plans.zone())).setHeader(getTranslation("plan.history.when"))
                .setAutoWidth(true).setFlexGrow(0);
        addColumn(PlanChangeView::by).setHeader(getTranslation("plan.history.who")).setAutoWidth(true)
                .setFlexGrow(0);
        // Summaries are the service's words; dates in them (a new start date) are ISO until shown here.
        addColumn(c -> Dates.inText(c.summary())).setHeader(getTranslation("plan.history.what")).setFlexGrow(1);
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        setHeight("260px");
        setItems(q -> plans.history(caller, patientId, q.getOffset(), q.getLimit()).stream());
    }
}
