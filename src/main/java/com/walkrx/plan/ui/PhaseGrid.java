package com.walkrx.plan.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.i18n.I18NProvider;
import com.walkrx.base.clinical.Surface;
import com.walkrx.plan.PhaseView;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A plan's (or a template's) phases, one row each: the current one marked, locked ones with a padlock, and an
 * Edit button per row when {@code onEdit} is given.
 */
final class PhaseGrid {

    private PhaseGrid() {
    }

    /** The grid; {@code currentPhase} 0 for a template preview; {@code onEdit} null when read-only. */
    static Grid<PhaseView> of(List<PhaseView> phases, int currentPhase, IntConsumer onEdit) {
        Grid<PhaseView> grid = new Grid<>(PhaseView.class, false);
        grid.addClassName("phase-grid");
        grid.addColumn(p -> (p.number() == currentPhase ? "▶ " : "") + p.number() + (p.locked() ? " 🔒" : ""))
                .setHeader(t("plan.phase.number")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PhaseView::minDays).setHeader(t("plan.phase.minDays")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PhaseGrid::walks).setHeader(t("plan.phase.walks")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PhaseGrid::minutes).setHeader(t("plan.phase.minutes")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> PhaseEditDialog.capitalised(Surface.words(p.surfaces())))
                .setHeader(t("plan.phase.surfaces")).setAutoWidth(true);
        grid.addColumn(p -> p.stepTarget() != null ? String.format(com.walkrx.base.ui.Dates.locale(), "%,d",
                p.stepTarget()) : p.stepRule()).setHeader(t("plan.phase.steps")).setFlexGrow(1);
        grid.addColumn(p -> (p.timing() == null || p.timing().isBlank() ? ""
                        : PhaseEditDialog.capitalised(p.timing().trim()) + ". ") + p.guidance())
                .setHeader(t("plan.phase.guidance")).setFlexGrow(2);
        if (onEdit != null) {
            grid.addComponentColumn(p -> {
                Button edit = new Button(t("plan.phase.edit"), e -> onEdit.accept(p.number()));
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
                edit.addClassName("edit-phase-" + p.number());
                edit.setAriaLabel(t("plan.phase.editAria", p.number()));
                return edit;
            }).setHeader("").setKey("edit").setAutoWidth(true).setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(phases);
        return grid;
    }

    static String walks(PhaseView p) {
        return p.walksPerWeek() != null ? t("plan.phase.perWeek", p.walksPerWeek()) : t("plan.phase.perDay",
                p.walksPerDay());
    }

    static String minutes(PhaseView p) {
        return p.minutesMin() == p.minutesMax() ? t("plan.phase.minutesOne", p.minutesMin())
                : t("plan.phase.minutesRange", p.minutesMin(), p.minutesMax());
    }

    private static String t(String key, Object... params) {
        return I18NProvider.translate(key, params);
    }
}
