package com.walkrx.plan.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.Caller;
import com.walkrx.plan.PhaseView;
import com.walkrx.plan.PlanChangeView;
import com.walkrx.plan.PlanService;
import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.plan.PlanView;
import com.walkrx.plan.ProposalKind;
import com.walkrx.plan.ProposalView;
import com.walkrx.base.clinical.Surface;
import com.walkrx.plan.Template;
import com.walkrx.plan.TemplateInfo;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A patient's walking plan for the clinician's chart: pick a template, see the phases, edit a phase, activate
 * (with the surgery explanation and an override reason when needed), pause, resume, end, auto-advance, decide
 * the pending proposal, and the history. Read-only for admins. Usage: {@code new PlanPanel(planService,
 * currentUser.require(), patientId)}.
 */
@StyleSheet("styles/plan.css")
public class PlanPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private final PlanService plans;
    private final Caller caller;
    private final long patientId;
    private final boolean canChange;
    private final Div body = new Div();
    private final Grid<PlanChangeView> history = new Grid<>(PlanChangeView.class, false);
    private PlanView plan;

    public PlanPanel(PlanService plans, Caller caller, long patientId) {
        this.plans = plans;
        this.caller = caller;
        this.patientId = patientId;
        this.canChange = caller.isClinician();
        addClassName("plan-panel");
        setPadding(false);
        body.addClassName("plan-body");
        body.setWidthFull();

        history.addClassName("plan-history");
        history.addColumn(c -> WHEN.format(c.at().atZone(plans.zone()))).setHeader("When").setAutoWidth(true)
                .setFlexGrow(0);
        history.addColumn(PlanChangeView::by).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(PlanChangeView::summary).setHeader("What changed").setFlexGrow(1);
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        history.setHeight("260px");
        history.setItems(q -> plans.history(caller, patientId, q.getOffset(), q.getLimit()).stream());

        add(new H3("Walking plan"), body, new H4("History"), history);
        refresh();
    }

    /** The plan as last loaded (null when the patient has none). */
    public PlanView plan() {
        return plan;
    }

    /** Reloads the plan and its history. */
    public void refresh() {
        plan = plans.get(caller, patientId).orElse(null);
        body.removeAll();
        if (plan == null) {
            body.add(new Paragraph("No walking plan yet."));
            if (canChange) {
                body.add(assignForm("Assign and activate"));
            }
        } else {
            renderPlan();
        }
        history.getDataProvider().refreshAll();
    }

    private void renderPlan() {
        Span status = new Span(statusWords(plan.status()));
        status.addClassNames("plan-status", "plan-status-" + plan.status().name().toLowerCase());
        Span summary = new Span(plan.templateName() + " · phase " + plan.currentPhase()
                + (plan.phaseStartedOn() == null ? "" : " since " + plan.phaseStartedOn())
                + " · starts " + plan.startDate());
        HorizontalLayout header = new HorizontalLayout(status, summary);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.addClassName("plan-header");
        body.add(header);

        if (plan.overrideReason() != null) {
            body.add(note("plan-note", "Activated without the surgeon's clearance. Reason: " + plan.overrideReason()));
        }
        if (plan.status() == PlanStatus.PAUSED) {
            body.add(note("plan-paused", (plan.pausedForFlag() != null
                    ? "Paused by a " + plan.pausedForFlag() + " flag: " : "Paused: ") + plan.pauseReason()
                    + " The patient sees the safety advice instead of a prescription until you resume the plan."));
        }
        if (plan.proposal() != null) {
            body.add(proposalBox(plan.proposal()));
        }
        body.add(actions());
        body.add(phaseGrid());
        body.add(progressBox());
    }

    private Component proposalBox(ProposalView p) {
        Div box = new Div();
        box.addClassNames("plan-proposal", "plan-proposal-" + p.kind().name().toLowerCase());
        String title = p.kind() == ProposalKind.ADVANCE
                ? "Proposed: advance to phase " + p.toPhase()
                : p.toPhase() == p.fromPhase() ? "Proposed: shorter walks in phase " + p.fromPhase()
                : "Proposed: step back to phase " + p.toPhase();
        Span heading = new Span(title);
        heading.addClassName("plan-proposal-title");
        box.add(heading, new Paragraph(p.reason()));
        if (canChange) {
            Button confirm = new Button("Confirm", e -> act(() -> plans.confirmProposal(caller, patientId,
                    plan.version(), p.id()), "Proposal confirmed"));
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.addClassName("confirm-proposal");
            Button decline = new Button("Decline", e -> act(() -> plans.declineProposal(caller, patientId,
                    plan.version(), p.id()), "Proposal declined"));
            decline.addClassName("decline-proposal");
            box.add(new HorizontalLayout(confirm, decline));
        }
        return box;
    }

    private Component actions() {
        HorizontalLayout row = new HorizontalLayout();
        row.addClassName("plan-actions");
        row.setWrap(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        Checkbox auto = new Checkbox("Auto-advance (move on without asking when the rules hold)", plan.autoAdvance());
        auto.addClassName("auto-advance");
        auto.setReadOnly(!canChange || plan.status() == PlanStatus.ENDED);
        auto.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act(() -> plans.setAutoAdvance(caller, patientId, plan.version(), e.getValue()),
                        e.getValue() ? "Auto-advance on" : "Auto-advance off");
            }
        });
        if (!canChange) {
            row.add(auto);
            return row;
        }
        Component activation = plan.status() == PlanStatus.DRAFT ? activation() : null;
        switch (plan.status()) {
            case DRAFT -> {
            }
            case ACTIVE -> row.add(button("Pause", "pause-plan", this::pauseDialog));
            case PAUSED -> row.add(button("Resume", "resume-plan", () -> act(
                    () -> plans.resume(caller, patientId, plan.version()), "Plan resumed")));
            case ENDED -> {
            }
        }
        row.add(button("End plan", "end-plan", this::endDialog));
        Details replace = new Details("Assign a different plan", assignForm("Assign and activate"));
        replace.addClassName("replace-plan");
        VerticalLayout wrap = new VerticalLayout();
        if (activation != null) {
            wrap.add(activation);
        }
        wrap.add(row, auto, replace);
        wrap.setPadding(false);
        wrap.setSpacing(false);
        return wrap;
    }

    private Component activation() {
        Optional<String> problem = plans.clearanceProblem(caller, patientId, plan.template());
        Button activate = new Button("Activate plan");
        activate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        activate.addClassName("activate-plan");
        if (problem.isEmpty()) {
            activate.addClickListener(e -> act(() -> plans.activate(caller, patientId, plan.version(), null),
                    "Plan activated"));
            return activate;
        }
        TextArea reason = overrideField();
        activate.setText("Activate with override");
        activate.addClickListener(e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("Write why the plan starts without the surgeon's clearance");
                reason.setInvalid(true);
                return;
            }
            act(() -> plans.activate(caller, patientId, plan.version(), reason.getValue()), "Plan activated");
        });
        VerticalLayout box = new VerticalLayout(note("plan-surgery", problem.get()), reason, activate);
        box.setPadding(false);
        return box;
    }

    private static TextArea overrideField() {
        TextArea reason = new TextArea("Override reason (kept and audited)");
        reason.addClassName("override-reason");
        reason.setWidthFull();
        reason.setMaxLength(2000);
        return reason;
    }

    private Component assignForm(String activateLabel) {
        List<TemplateInfo> templates = plans.templates();
        Select<Template> template = new Select<>();
        template.setLabel("Template");
        template.addClassName("template-select");
        template.setItems(templates.stream().map(TemplateInfo::template).toList());
        template.setItemLabelGenerator(t -> info(templates, t).name());
        template.setValue(Template.STANDARD);
        DatePicker start = new DatePicker("Start date", plans.today());
        start.addClassName("start-date");
        Paragraph summary = new Paragraph();
        summary.addClassName("template-summary");
        Grid<PhaseView> preview = phaseGrid(info(templates, Template.STANDARD).phases(), false);
        preview.removeClassName("phase-grid");
        preview.addClassName("template-phase-grid");
        Div surgery = new Div();
        TextArea reason = overrideField();
        Runnable update = () -> {
            TemplateInfo t = info(templates, template.getValue());
            summary.setText(t.summary());
            preview.setItems(t.phases());
            Optional<String> problem = plans.clearanceProblem(caller, patientId, t.template());
            surgery.removeAll();
            problem.ifPresent(p -> surgery.add(note("plan-surgery", p)));
            reason.setVisible(problem.isPresent());
        };
        template.addValueChangeListener(e -> update.run());
        update.run();

        Button draft = new Button("Assign as draft", e -> act(() -> plans.assign(caller, patientId,
                template.getValue(), start.getValue(), false, null), "Plan assigned as a draft"));
        draft.addClassName("assign-draft");
        Button activate = new Button(activateLabel, e -> act(() -> plans.assign(caller, patientId,
                template.getValue(), start.getValue(), true, reason.isVisible() ? reason.getValue() : null),
                "Plan assigned and activated"));
        activate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        activate.addClassName("assign-activate");
        HorizontalLayout fields = new HorizontalLayout(template, start);
        fields.setWrap(true);
        VerticalLayout form = new VerticalLayout(fields, summary, preview, surgery, reason,
                new HorizontalLayout(draft, activate));
        form.addClassName("assign-form");
        form.setPadding(false);
        return form;
    }

    private static TemplateInfo info(List<TemplateInfo> templates, Template t) {
        return templates.stream().filter(i -> i.template() == t).findFirst().orElseThrow();
    }

    private Component phaseGrid() {
        return phaseGrid(plan.phases(), canChange && plan.status() != PlanStatus.ENDED);
    }

    private Grid<PhaseView> phaseGrid(List<PhaseView> phases, boolean editable) {
        Grid<PhaseView> grid = new Grid<>(PhaseView.class, false);
        grid.addClassName("phase-grid");
        grid.addColumn(p -> (plan != null && p.number() == plan.currentPhase() ? "▶ " : "") + p.number()
                + (p.locked() ? " 🔒" : "")).setHeader("Phase").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PhaseView::minDays).setHeader("Min days").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.walksPerWeek() != null ? p.walksPerWeek() + " a week" : p.walksPerDay() + " a day")
                .setHeader("Walks").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.minutesMin() == p.minutesMax() ? p.minutesMin() + " min"
                : p.minutesMin() + "-" + p.minutesMax() + " min").setHeader("Minutes").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> PhaseEditDialog.capitalised(Surface.words(p.surfaces()))).setHeader("Surfaces")
                .setAutoWidth(true);
        grid.addColumn(p -> p.stepTarget() != null ? String.format("%,d", p.stepTarget()) : p.stepRule())
                .setHeader("Step target").setFlexGrow(1);
        grid.addColumn(p -> (p.timing() == null || p.timing().isBlank() ? ""
                        : PhaseEditDialog.capitalised(p.timing().trim()) + ". ") + p.guidance())
                .setHeader("Guidance").setFlexGrow(2);
        if (editable) {
            grid.addComponentColumn(p -> {
                Button edit = new Button("Edit", e -> openEditor(p.number()));
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
                edit.addClassName("edit-phase-" + p.number());
                edit.setAriaLabel("Edit phase " + p.number());
                return edit;
            }).setHeader("").setKey("edit").setAutoWidth(true).setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(phases);
        return grid;
    }

    /** Opens the editor of one phase. */
    PhaseEditDialog openEditor(int number) {
        PhaseView phase = plan.phases().stream().filter(p -> p.number() == number).findFirst().orElseThrow();
        PhaseEditDialog dialog = new PhaseEditDialog(phase, edit -> {
            try {
                plans.editPhase(caller, patientId, plan.version(), number, edit);
            } catch (ConflictException e) {
                refresh();
                throw e;
            }
            refresh();
            Notification.show("Phase " + number + " saved", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            return null;
        }, () -> plan == null ? null : plan.phases().stream().filter(p -> p.number() == number).findFirst()
                .orElse(null));
        dialog.open();
        return dialog;
    }

    private Component progressBox() {
        Div box = new Div();
        box.addClassName("plan-progress");
        String adherence = plan.adherence7d() == null ? "not yet known"
                : (int) Math.floor(plan.adherence7d() * 100 + 1e-9) + "%";
        String baseline = plan.stepBaseline() == null ? "not yet known" : String.format("%,d steps", plan.stepBaseline());
        box.add(new Paragraph("Adherence over the last 7 days: " + adherence + ". Step baseline: " + baseline + "."));
        if (plan.status() == PlanStatus.ACTIVE) {
            if (plan.nextPhase().isEmpty()) {
                box.add(new Paragraph("Ready for the next phase."));
            } else {
                box.add(new Span("Before the next phase:"));
                UnorderedList list = new UnorderedList();
                plan.nextPhase().forEach(s -> list.add(new ListItem(s)));
                box.add(list);
            }
        }
        return box;
    }

    private void pauseDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Pause the plan");
        TextArea reason = new TextArea("Reason (the patient is told the plan is paused)");
        reason.setWidthFull();
        reason.setMaxLength(2000);
        reason.addClassName("pause-reason");
        dialog.add(reason);
        Button pause = new Button("Pause plan", e -> {
            dialog.close();
            act(() -> plans.pause(caller, patientId, plan.version(), reason.getValue()), "Plan paused");
        });
        pause.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pause.addClassName("confirm-pause");
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), pause);
        dialog.open();
    }

    private void endDialog() {
        ConfirmDialog confirm = new ConfirmDialog("End this plan?",
                "The patient will no longer see a prescription. The plan and its history are kept.", "End plan",
                e -> act(() -> {
                    plans.end(caller, patientId, plan.version());
                    return null;
                }, "Plan ended"));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void act(Supplier<Object> action, String done) {
        try {
            action.get();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ConflictException e) {
            Notification n = Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (InvalidInputException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private static Button button(String text, String className, Runnable action) {
        Button b = new Button(text, e -> action.run());
        b.addClassName(className);
        return b;
    }

    private static Div note(String className, String text) {
        Div d = new Div();
        d.addClassNames("plan-note", className);
        d.setText(text);
        return d;
    }

    static String statusWords(PlanStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case ACTIVE -> "Active";
            case PAUSED -> "Paused";
            case ENDED -> "Ended";
        };
    }
}
