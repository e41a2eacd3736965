package com.walkrx.plan.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.plan.PhaseEdit;
import com.walkrx.plan.PhaseView;
import com.walkrx.base.clinical.Surface;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Edits every number of one phase. On a concurrent change the dialog stays open with the clinician's entries
 * and says who changed what; saving again applies them on top of the latest version.
 */
class PhaseEditDialog extends Dialog {

    static final String PER_DAY = "per day";
    static final String PER_WEEK = "per week";

    final IntegerField minDays = new IntegerField("Minimum days in phase");
    final RadioButtonGroup<String> cadence = new RadioButtonGroup<>("Walks are counted");
    final IntegerField walks = new IntegerField("Walks");
    final IntegerField minutesMin = new IntegerField("Minutes per walk, from");
    final IntegerField minutesMax = new IntegerField("Minutes per walk, to");
    final CheckboxGroup<Surface> surfaces = new CheckboxGroup<>("Surfaces allowed");
    final IntegerField stepTarget = new IntegerField("Daily step target");
    final TextField timing = new TextField("When (plain words)");
    final TextArea guidance = new TextArea("Guidance for the patient");
    final Div problem = new Div();
    final Button save = new Button("Save phase");

    private final Map<String, HasValidation> fields;
    private final Supplier<PhaseView> latest;
    private PhaseView original;

    /**
     * {@code saver} stores the edit against the panel's latest version, or throws; {@code latest} gives the
     * phase as stored now (after a conflict the panel has reloaded it).
     */
    PhaseEditDialog(PhaseView phase, Function<PhaseEdit, Object> saver, Supplier<PhaseView> latest) {
        this.latest = latest;
        this.original = phase;
        setHeaderTitle("Edit phase " + phase.number());
        addClassName("phase-edit-dialog");
        setWidth("min(640px, 95vw)");

        minDays.addClassName("min-days");
        cadence.addClassName("cadence");
        walks.addClassName("walks");
        minutesMin.addClassName("minutes-min");
        minutesMax.addClassName("minutes-max");
        surfaces.addClassName("surfaces");
        stepTarget.addClassName("step-target");
        timing.addClassName("timing");
        guidance.addClassName("guidance");
        minDays.setMin(1);
        minDays.setMax(365);
        minDays.setStepButtonsVisible(true);
        cadence.setItems(PER_DAY, PER_WEEK);
        walks.setMin(1);
        walks.setMax(70);
        walks.setStepButtonsVisible(true);
        minutesMin.setMin(1);
        minutesMin.setMax(300);
        minutesMin.setStepButtonsVisible(true);
        minutesMax.setMin(1);
        minutesMax.setMax(300);
        minutesMax.setStepButtonsVisible(true);
        surfaces.setItems(Surface.values());
        surfaces.setItemLabelGenerator(s -> capitalised(s.words()));
        stepTarget.setMin(0);
        stepTarget.setMax(100_000);
        stepTarget.setStep(500);
        stepTarget.setHelperText("Leave empty to use the rule: " + phase.stepRule());
        stepTarget.setClearButtonVisible(true);
        timing.setPlaceholder("e.g. ideally before meals");
        timing.setMaxLength(200);
        guidance.setMaxLength(2000);
        guidance.setHelperText("For post-surgery plans, copy the surgeon's limits here.");

        minDays.setValue(phase.minDays());
        boolean perWeek = phase.walksPerWeek() != null;
        cadence.setValue(perWeek ? PER_WEEK : PER_DAY);
        walks.setValue(perWeek ? phase.walksPerWeek() : phase.walksPerDay());
        minutesMin.setValue(phase.minutesMin());
        minutesMax.setValue(phase.minutesMax());
        surfaces.setValue(new HashSet<>(phase.surfaces()));
        stepTarget.setValue(phase.stepTargetFixed());
        timing.setValue(phase.timing() == null ? "" : phase.timing());
        guidance.setValue(phase.guidance() == null ? "" : phase.guidance());

        fields = Map.of("minDays", minDays, "walksPerDay", walks, "walksPerWeek", walks, "minutesMin", minutesMin,
                "minutesMax", minutesMax, "surfaces", surfaces, "stepTarget", stepTarget, "timing", timing,
                "guidance", guidance);

        FormLayout form = new FormLayout(minDays, cadence, walks, minutesMin, minutesMax, surfaces, stepTarget, timing,
                guidance);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2));
        form.setColspan(surfaces, 2);
        form.setColspan(guidance, 2);
        form.setColspan(timing, 2);

        problem.addClassName("plan-problem");
        problem.setVisible(false);
        problem.getElement().setAttribute("role", "alert");
        add(problem, form);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("save-phase");
        save.addClickListener(e -> save(saver));
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }

    PhaseEdit edit() {
        boolean perWeek = PER_WEEK.equals(cadence.getValue());
        Integer n = walks.getValue();
        int count = n == null ? 0 : n;
        return new PhaseEdit(orZero(minDays.getValue()), perWeek ? null : count, perWeek ? count : null,
                orZero(minutesMin.getValue()), orZero(minutesMax.getValue()), copy(surfaces.getValue()),
                stepTarget.getValue(), timing.getValue(), guidance.getValue());
    }

    private void save(Function<PhaseEdit, Object> saver) {
        fields.values().forEach(f -> f.setInvalid(false));
        problem.setVisible(false);
        try {
            saver.apply(edit());
            close();
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                HasValidation f = fields.get(p.field());
                if (f != null) {
                    f.setErrorMessage(p.message());
                    f.setInvalid(true);
                }
            }
            show("Please correct the marked fields.");
        } catch (ConflictException e) {
            mergeLatest();
            show(e.getMessage().replace("Your change was not saved: reload the plan and apply it again.",
                    "Your entries are still here, and the fields you did not touch now show the latest values. "
                            + "Press Save phase again to apply your entries on top of the latest version, or Cancel."));
        }
    }

    /** Fields the clinician left as they were take the values stored meanwhile; their own entries stay. */
    private void mergeLatest() {
        PhaseView now = latest.get();
        if (now == null) {
            return;
        }
        PhaseView was = original;
        if (Objects.equals(minDays.getValue(), was.minDays())) {
            minDays.setValue(now.minDays());
        }
        String wasCadence = was.walksPerWeek() != null ? PER_WEEK : PER_DAY;
        Integer wasWalks = was.walksPerWeek() != null ? was.walksPerWeek() : was.walksPerDay();
        if (wasCadence.equals(cadence.getValue()) && Objects.equals(walks.getValue(), wasWalks)) {
            cadence.setValue(now.walksPerWeek() != null ? PER_WEEK : PER_DAY);
            walks.setValue(now.walksPerWeek() != null ? now.walksPerWeek() : now.walksPerDay());
        }
        if (Objects.equals(minutesMin.getValue(), was.minutesMin())) {
            minutesMin.setValue(now.minutesMin());
        }
        if (Objects.equals(minutesMax.getValue(), was.minutesMax())) {
            minutesMax.setValue(now.minutesMax());
        }
        if (Objects.equals(surfaces.getValue(), new HashSet<>(was.surfaces()))) {
            surfaces.setValue(new HashSet<>(now.surfaces()));
        }
        if (Objects.equals(stepTarget.getValue(), was.stepTargetFixed())) {
            stepTarget.setValue(now.stepTargetFixed());
        }
        if (Objects.equals(timing.getValue(), nullToEmpty(was.timing()))) {
            timing.setValue(nullToEmpty(now.timing()));
        }
        if (Objects.equals(guidance.getValue(), nullToEmpty(was.guidance()))) {
            guidance.setValue(nullToEmpty(now.guidance()));
        }
        original = now;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private void show(String message) {
        problem.setText(message);
        problem.setVisible(true);
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    private static java.util.Set<Surface> copy(java.util.Set<Surface> s) {
        return s == null ? java.util.Set.of() : java.util.Set.copyOf(s);
    }

    static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
