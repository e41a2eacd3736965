package com.walkrx.plan.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.walkrx.base.ui.Toasts;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.i18n.I18NProvider;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.base.security.Caller;
import com.walkrx.base.ui.Dates;
import com.walkrx.plan.PhaseView;
import com.walkrx.plan.PlanService;
import com.walkrx.plan.PlanView;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A patient's walking plan for the clinician's chart: pick a template, see the phases, edit a phase, activate
 * (with the surgery explanation and an override reason when needed), pause, resume, end, auto-advance, decide
 * the pending proposal, and the history. Read-only for admins. Usage: {@code new PlanPanel(planService,
 * currentUser.require(), patientId)}. The parts ({@link AssignPlanForm}, {@link PhaseGrid}, {@link ProposalBox},
 * {@link PlanDialogs}, {@link PlanHistoryGrid}) change the plan through {@link #act}.
 */
@StyleSheet("styles/plan.css")
public class PlanPanel extends VerticalLayout {

    private final PlanService plans;
    private final Caller caller;
    private final long patientId;
    private final boolean canChange;
    private final Div body = new Div();
    private final PlanHistoryGrid history;
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
        history = new PlanHistoryGrid(plans, caller, patientId);
        add(new H3(getTranslation("plan.title")), body, new H4(getTranslation("plan.history.title")), history);
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
            body.add(new Paragraph(getTranslation("plan.none")));
            if (canChange) {
                body.add(new AssignPlanForm(plans, caller, patientId, this::act));
            }
        } else {
            renderPlan();
        }
        history.getDataProvider().refreshAll();
    }

    private void renderPlan() {
        Span status = new Span(statusWords(plan.status()));
        status.addClassNames("plan-status", "plan-status-" + plan.status().name().toLowerCase());
        Span summary = new Span(getTranslation("plan.summary", plan.templateName(), plan.currentPhase())
                + (plan.phaseStartedOn() == null ? ""
                : " " + getTranslation("plan.summary.since", Dates.date(plan.phaseStartedOn())))
                + " · " + getTranslation("plan.summary.starts", Dates.date(plan.startDate())));
        summary.addClassName("plan-summary");
        HorizontalLayout header = new HorizontalLayout(status, summary);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.addClassName("plan-header");
        body.add(header);

        if (plan.overrideReason() != null) {
            body.add(note("plan-note", getTranslation("plan.override.note", plan.overrideReason())));
        }
        if (plan.status() == PlanStatus.PAUSED) {
            body.add(note("plan-paused", (plan.pausedForFlag() != null
                    ? getTranslation("plan.paused.byFlag", plan.pausedForFlag())
                    : getTranslation("plan.paused.byClinician")) + " " + Dates.inText(plan.pauseReason())
                    + " " + getTranslation("plan.paused.patientSees")));
        }
        if (plan.proposal() != null) {
            body.add(new ProposalBox(plans, caller, patientId, plan, canChange, this::act));
        }
        body.add(actions());
        body.add(PhaseGrid.of(plan.phases(), plan.currentPhase(),
                canChange && plan.status() != PlanStatus.ENDED ? this::openEditor : null));
        body.add(progressBox());
    }

    private Component actions() {
        HorizontalLayout row = new HorizontalLayout();
        row.addClassName("plan-actions");
        row.setWrap(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        Checkbox auto = new Checkbox(getTranslation("plan.autoAdvance"), plan.autoAdvance());
        auto.addClassName("auto-advance");
        auto.setReadOnly(!canChange || plan.status() == PlanStatus.ENDED);
        auto.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                act(() -> plans.setAutoAdvance(caller, patientId, plan.version(), e.getValue()),
                        getTranslation(e.getValue() ? "plan.autoAdvance.on" : "plan.autoAdvance.off"));
            }
        });
        if (!canChange) {
            row.add(auto);
            return row;
        }
        Component activation = plan.status() == PlanStatus.DRAFT ? activation() : null;
        switch (plan.status()) {
            case DRAFT, ENDED -> {
            }
            case ACTIVE -> row.add(button(getTranslation("plan.pause"), "pause-plan",
                    () -> PlanDialogs.pause(plans, caller, patientId, plan, this::act)));
            case PAUSED -> row.add(button(getTranslation("plan.resume"), "resume-plan", () -> act(
                    () -> plans.resume(caller, patientId, plan.version()), getTranslation("plan.resumed"))));
        }
        row.add(button(getTranslation("plan.end"), "end-plan",
                () -> PlanDialogs.end(plans, caller, patientId, plan, this::act)));
        Details replace = new Details(getTranslation("plan.replace"),
                new AssignPlanForm(plans, caller, patientId, this::act));
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
        Button activate = new Button(getTranslation("plan.activate"));
        activate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        activate.addClassName("activate-plan");
        String done = getTranslation("plan.activated");
        if (problem.isEmpty()) {
            activate.addClickListener(e -> act(() -> plans.activate(caller, patientId, plan.version(), null), done));
            return activate;
        }
        TextArea reason = PlanDialogs.overrideField();
        activate.setText(getTranslation("plan.activate.override"));
        activate.addClickListener(e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("plan.override.required"));
                reason.setInvalid(true);
                return;
            }
            act(() -> plans.activate(caller, patientId, plan.version(), reason.getValue()), done);
        });
        VerticalLayout box = new VerticalLayout(note("plan-surgery", Dates.inText(problem.get())), reason, activate);
        box.setPadding(false);
        return box;
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
            Toasts.show(getTranslation("plan.phase.saved", number), 3000, NotificationVariant.LUMO_SUCCESS);
            return null;
        }, () -> plan == null ? null : plan.phases().stream().filter(p -> p.number() == number).findFirst()
                .orElse(null));
        dialog.open();
        return dialog;
    }

    private Component progressBox() {
        Div box = new Div();
        box.addClassName("plan-progress");
        String unknown = getTranslation("plan.progress.unknown");
        String adherence = plan.adherence7d() == null ? unknown
                : (int) Math.floor(plan.adherence7d() * 100 + 1e-9) + "%";
        String baseline = plan.stepBaseline() == null ? unknown
                : getTranslation("plan.progress.steps", String.format(Dates.locale(), "%,d", plan.stepBaseline()));
        box.add(new Paragraph(getTranslation("plan.progress.line", adherence, baseline)));
        if (plan.status() == PlanStatus.ACTIVE) {
            if (plan.nextPhase().isEmpty()) {
                box.add(new Paragraph(getTranslation("plan.progress.ready")));
            } else {
                box.add(new Span(getTranslation("plan.progress.before")));
                UnorderedList list = new UnorderedList();
                plan.nextPhase().forEach(s -> list.add(new ListItem(Dates.inText(s))));
                box.add(list);
            }
        }
        return box;
    }

    /** Runs a change, says so (or why not), and reloads. */
    void act(Supplier<Object> action, String done) {
        try {
            action.get();
            Toasts.show(done, 3000, NotificationVariant.LUMO_SUCCESS);
        } catch (ConflictException | InvalidInputException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
        fireEvent(new PlanChangedEvent(this));
    }

    /** Listens for every action taken in the panel (done or refused), so that a page can refresh what it shows. */
    public com.vaadin.flow.shared.Registration addPlanChangedListener(
            com.vaadin.flow.component.ComponentEventListener<PlanChangedEvent> listener) {
        return addListener(PlanChangedEvent.class, listener);
    }

    /** An action was taken in the panel: the plan may have changed. */
    public static class PlanChangedEvent extends com.vaadin.flow.component.ComponentEvent<PlanPanel> {
        PlanChangedEvent(PlanPanel source) {
            super(source, false);
        }
    }

    private static Button button(String text, String className, Runnable action) {
        Button b = new Button(text, e -> action.run());
        b.addClassName(className);
        return b;
    }

    static Div note(String className, String text) {
        Div d = new Div();
        d.addClassNames("plan-note", className);
        d.setText(text);
        return d;
    }

    static String statusWords(PlanStatus status) {
        return I18NProvider.translate("plan.status." + status.name());
    }
}
