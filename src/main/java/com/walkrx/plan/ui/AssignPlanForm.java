package com.walkrx.plan.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.walkrx.base.security.Caller;
import com.walkrx.base.ui.Dates;
import com.walkrx.plan.PhaseView;
import com.walkrx.plan.PlanService;
import com.walkrx.plan.Template;
import com.walkrx.plan.TemplateInfo;
import java.util.List;
import java.util.Optional;

/**
 * Assigning a plan: a template with its phases previewed, a start date, the surgery explanation and an override
 * reason when the surgeon's clearance is missing; assign as a draft, or assign and activate.
 */
class AssignPlanForm extends VerticalLayout {

    final Select<Template> template = new Select<>();
    final DatePicker start;

    AssignPlanForm(PlanService plans, Caller caller, long patientId, PlanAct act) {
        addClassName("assign-form");
        setPadding(false);
        List<TemplateInfo> templates = plans.templates();
        template.setLabel(getTranslation("plan.assign.template"));
        template.addClassName("template-select");
        template.setItems(templates.stream().map(TemplateInfo::template).toList());
        template.setItemLabelGenerator(t -> info(templates, t).name());
        template.setValue(Template.STANDARD);
        start = Dates.datePicker(getTranslation("plan.assign.start"));
        start.setValue(plans.today());
        start.addClassName("start-date");
        Paragraph summary = new Paragraph();
        summary.addClassName("template-summary");
        Grid<PhaseView> preview = PhaseGrid.of(info(templates, Template.STANDARD).phases(), 0, null);
        preview.removeClassName("phase-grid");
        preview.addClassName("template-phase-grid");
        Div surgery = new Div();
        TextArea reason = PlanDialogs.overrideField();
        Runnable update = () -> {
            TemplateInfo t = info(templates, template.getValue());
            summary.setText(t.summary());
            preview.setItems(t.phases());
            Optional<String> problem = plans.clearanceProblem(caller, patientId, t.template());
            surgery.removeAll();
            problem.ifPresent(p -> surgery.add(PlanPanel.note("plan-surgery", Dates.inText(p))));
            reason.setVisible(problem.isPresent());
        };
        template.addValueChangeListener(e -> update.run());
        update.run();

        Button draft = new Button(getTranslation("plan.assign.draft"), e -> act.run(() -> plans.assign(caller,
                patientId, template.getValue(), start.getValue(), false, null), getTranslation("plan.assign.drafted")));
        draft.addClassName("assign-draft");
        Button activate = new Button(getTranslation("plan.assign.activate"), e -> act.run(() -> plans.assign(caller,
                        patientId, template.getValue(), start.getValue(), true,
                        reason.isVisible() ? reason.getValue() : null), getTranslation("plan.assign.activated")));
        activate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        activate.addClassName("assign-activate");
        HorizontalLayout fields = new HorizontalLayout(template, start);
        fields.setWrap(true);
        add(fields, summary, preview, surgery, reason, new HorizontalLayout(draft, activate));
    }

    private static TemplateInfo info(List<TemplateInfo> templates, Template t) {
        return templates.stream().filter(i -> i.template() == t).findFirst().orElseThrow();
    }
}
