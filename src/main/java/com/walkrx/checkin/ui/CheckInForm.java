package com.walkrx.checkin.ui;

import java.util.Comparator;
import com.walkrx.base.clinical.Tier;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.checkin.CheckInCommand;
import com.walkrx.checkin.CheckInEvaluator.RaisedFlag;
import com.walkrx.checkin.CheckInRecord;
import com.walkrx.checkin.CheckInReply;
import com.walkrx.checkin.CheckInRequest;
import com.walkrx.checkin.CheckInRequest.SymptomsRequest;
import com.walkrx.checkin.CheckInRequest.WalkRequest;
import com.walkrx.checkin.CheckInRules;
import com.walkrx.checkin.CheckInService;
import com.walkrx.checkin.StepCount;
import com.walkrx.base.clinical.Surface;
import com.walkrx.base.clinical.SymptomLevel;
import com.walkrx.checkin.WalkMinutes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/**
 * The patient's phone-first check-in: "Log a walk" and "How are you today", each saved on its own. After
 * saving, the patient sees what was stored and, first and prominently, any advice the check-in raised.
 * Inject it (prototype scope) into a patient page, e.g. the Today view.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@StyleSheet("context://styles/checkin.css")
public class CheckInForm extends Div {

    private final CheckInService checkIns;
    private final CurrentUser currentUser;

    private final DatePicker day = new DatePicker("Which day is this for?");

    private final IntegerField minutes = new IntegerField("How many minutes did you walk?");
    private final RadioButtonGroup<Surface> surface = new RadioButtonGroup<>("Where did you walk?");
    private final RadioButtonGroup<Integer> painBefore = Choices.painScale("walk-pain-before", "Pain before the walk");
    private final RadioButtonGroup<Integer> painAfter = Choices.painScale("walk-pain-after", "Pain after the walk");
    private final RadioButtonGroup<Boolean> sharpPain = Choices.yesNo("walk-sharp-pain",
            "Did you feel a sharp pain during the walk?");
    private final Button saveWalk = new Button("Save walk");
    private final Div walkResult = new Div();

    private final RadioButtonGroup<Integer> overallPain = Choices.painScale("day-pain",
            "How bad is your back pain right now?");
    private final IntegerField steps = new IntegerField("Steps today (if your phone or watch counts them)");
    private final RadioButtonGroup<SymptomLevel> numbness = Choices.level("symptom-numbness",
            "Any numbness or tingling in your legs or feet?");
    private final RadioButtonGroup<SymptomLevel> weakness = Choices.level("symptom-weakness",
            "Any weakness in your legs?");
    private final RadioButtonGroup<Boolean> bothLegs = Choices.yesNo("symptom-both-legs",
            "Are these symptoms in both legs?");
    private final RadioButtonGroup<Boolean> saddle = Choices.yesNo("symptom-saddle",
            "Any numbness around your bottom, genitals or inner thighs (the parts you would sit on a saddle with)?");
    private final RadioButtonGroup<Boolean> bladder = Choices.yesNo("symptom-bladder",
            "Any new problems controlling your bladder or bowels?");
    private final RadioButtonGroup<Boolean> fever = Choices.yesNo("symptom-fever",
            "Do you have a fever, or feel hot and shivery?");
    private final RadioButtonGroup<Boolean> weightLoss = Choices.yesNo("symptom-weight-loss",
            "Have you lost weight without trying to?");
    private final RadioButtonGroup<Boolean> injury = Choices.yesNo("symptom-injury",
            "Have you had a fall or a new injury since your last check-in?");
    private final TextArea notes = new TextArea("Anything else you want your care team to know?");
    private final Button saveDay = new Button("Save today's check-in");
    private final Div dayResult = new Div();

    private final Map<String, HasValidation> walkFields = new LinkedHashMap<>();
    private final Map<String, HasValidation> dayFields = new LinkedHashMap<>();

    public CheckInForm(CheckInService checkIns, CurrentUser currentUser) {
        this.checkIns = checkIns;
        this.currentUser = currentUser;
        addClassName("checkin-form");

        LocalDate today = checkIns.today();
        day.setId("checkin-date");
        day.setValue(today);
        day.setMin(today.minusDays(CheckInRules.MAX_DAYS_BACK));
        day.setMax(today);
        day.setHelperText("Today, or up to " + CheckInRules.MAX_DAYS_BACK + " days ago");
        day.setRequiredIndicatorVisible(true);
        day.setManualValidation(true);
        add(day);

        add(walkSection(), daySection());
    }

    private Section walkSection() {
        H2 heading = new H2("Log a walk");
        heading.setId("log-walk-heading");
        minutes.setId("walk-minutes");
        minutes.setMin(WalkMinutes.MIN);
        minutes.setMax(WalkMinutes.MAX);
        minutes.setStepButtonsVisible(true);
        minutes.setSuffixComponent(new Span("min"));
        minutes.setManualValidation(true);
        minutes.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        surface.setId("walk-surface");
        surface.addClassNames("choice-tiles", "surface-choice");
        surface.setItems(Surface.values());
        surface.setItemLabelGenerator(Surface::label);
        saveWalk.setId("save-walk");
        saveWalk.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        saveWalk.addClassName("save-button");
        saveWalk.addClickListener(e -> saveWalk());
        walkResult.setId("walk-result");
        walkResult.addClassName("checkin-result");

        walkFields.put("date", day);
        walkFields.put("walks[0].minutes", minutes);
        walkFields.put("walks[0].surface", surface);
        walkFields.put("walks[0].painBefore", painBefore);
        walkFields.put("walks[0].painAfter", painAfter);
        walkFields.put("walks[0].sharpPain", sharpPain);

        Section section = new Section(heading, minutes, surface, painBefore, painAfter, sharpPain, saveWalk,
                walkResult);
        section.addClassName("checkin-part");
        section.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        return section;
    }

    private Section daySection() {
        H2 heading = new H2("How are you today");
        heading.setId("how-today-heading");
        steps.setId("day-steps");
        steps.setMin(StepCount.MIN);
        steps.setMax(StepCount.MAX);
        steps.setManualValidation(true);
        H3 warning = new H3("Warning signs");
        warning.addClassName("checkin-subheading");
        Paragraph warningHint = new Paragraph("Answer for how you are now. \"New\" means it started since your "
                + "last check-in.");
        warningHint.addClassName("checkin-hint");
        notes.setId("day-notes");
        notes.setMaxLength(CheckInRules.MAX_NOTES);
        notes.setValueChangeMode(ValueChangeMode.EAGER);
        notes.setManualValidation(true);
        notes.setHelperText("0 / " + CheckInRules.MAX_NOTES);
        notes.addValueChangeListener(e -> notes.setHelperText(
                e.getValue().length() + " / " + CheckInRules.MAX_NOTES));
        saveDay.setId("save-day");
        saveDay.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        saveDay.addClassName("save-button");
        saveDay.addClickListener(e -> saveDay());
        dayResult.setId("day-result");
        dayResult.addClassName("checkin-result");

        dayFields.put("date", day);
        dayFields.put("overallPain", overallPain);
        dayFields.put("steps", steps);
        dayFields.put("symptoms.numbnessTingling", numbness);
        dayFields.put("symptoms.legWeakness", weakness);
        dayFields.put("symptoms.bothLegs", bothLegs);
        dayFields.put("symptoms.saddleNumbness", saddle);
        dayFields.put("symptoms.bladderBowelProblems", bladder);
        dayFields.put("symptoms.fever", fever);
        dayFields.put("symptoms.unexplainedWeightLoss", weightLoss);
        dayFields.put("symptoms.newInjuryOrFall", injury);
        dayFields.put("notes", notes);

        Section section = new Section(heading, overallPain, steps, warning, warningHint, numbness, weakness, bothLegs, saddle,
                bladder, fever, weightLoss, injury, notes, saveDay, dayResult);
        section.addClassName("checkin-part");
        section.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        return section;
    }

    private void saveWalk() {
        WalkRequest walk = new WalkRequest(minutes.getValue(), surface.getValue() == null ? null : surface.getValue().name(),
                painBefore.getValue(), painAfter.getValue(), sharpPain.getValue(), null);
        CheckInRequest request = new CheckInRequest(day.getValue(), null, null, List.of(walk), null, null);
        if (submit(request, walkFields, walkResult)) {
            minutes.clear();
            surface.clear();
            painBefore.clear();
            painAfter.clear();
            sharpPain.clear();
        }
    }

    private void saveDay() {
        SymptomsRequest symptoms = new SymptomsRequest(numbness.getValue() == null ? null : numbness.getValue().name(),
                weakness.getValue() == null ? null : weakness.getValue().name(), bothLegs.getValue(),
                saddle.getValue(), bladder.getValue(), fever.getValue(), weightLoss.getValue(), injury.getValue());
        CheckInRequest request = new CheckInRequest(day.getValue(), overallPain.getValue(), steps.getValue(), null,
                symptoms, notes.getValue());
        List<FieldProblem> extra = new ArrayList<>();
        if (overallPain.getValue() == null) {
            // The daily check-in always asks for today's pain: it feeds the pain trend and the baseline.
            extra.add(new FieldProblem("overallPain", "is required"));
        }
        if (submit(request, dayFields, dayResult, extra)) {
            dayFields.values().forEach(f -> {
                if (f != day && f instanceof HasValue<?, ?> v) {
                    v.clear();
                }
            });
        }
    }

    private boolean submit(CheckInRequest request, Map<String, HasValidation> fields, Div result) {
        return submit(request, fields, result, List.of());
    }

    /** Validates and records; shows what was stored and the advice, or marks every invalid field. */
    private boolean submit(CheckInRequest request, Map<String, HasValidation> fields, Div result,
                           List<FieldProblem> extraProblems) {
        fields.values().forEach(f -> f.setInvalid(false));
        result.removeAll();
        List<FieldProblem> problems = new ArrayList<>(extraProblems);
        CheckInCommand command = null;
        try {
            command = request.toCommand(checkIns.today());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            Caller caller = currentUser.require();
            CheckInReply reply = checkIns.record(caller, command, null);
            showSaved(result, checkIns.get(caller, reply.id()), reply);
            fireEvent(new SavedEvent(this, reply));
            return true;
        } catch (InvalidInputException e) {
            showProblems(e.problems(), fields, result);
            return false;
        }
    }

    private void showSaved(Div result, CheckInRecord stored, CheckInReply reply) {
        Div box = new Div();
        box.addClassName("checkin-saved");
        box.getElement().setAttribute("role", "status");
        if (!reply.flags().isEmpty() || reply.planPaused()) {
            Div advice = new Div();
            advice.addClassName("checkin-advice");
            advice.getElement().setAttribute("role", "alert");
            Tier tier = reply.flags().stream().map(RaisedFlag::tier).min(Comparator.comparingInt(Tier::rank))
                    .orElse(Tier.ADVISORY);
            advice.addClassName("advice-" + tier.name());
            advice.add(new H3("Please read this now"));
            reply.flags().stream().map(RaisedFlag::patientMessage).distinct().forEach(message -> {
                Paragraph p = new Paragraph();
                p.setText(message);
                p.addClassName("advice-message");
                advice.add(p);
            });
            if (reply.planPaused()) {
                Paragraph paused = new Paragraph("Your walking plan is paused until your care team has looked at this.");
                paused.addClassName("advice-paused");
                advice.add(paused);
            }
            box.add(advice);
        }
        H3 saved = new H3("Saved. Thank you!");
        saved.addClassName("saved-heading");
        box.add(saved, new CheckInCard(stored, checkIns.zone()));
        result.add(box);
        box.scrollIntoView();
    }

    private static void showProblems(List<FieldProblem> problems, Map<String, HasValidation> fields, Div result) {
        List<String> unplaced = new ArrayList<>();
        for (FieldProblem p : problems) {
            HasValidation field = fields.get(p.field());
            if (field != null && !field.isInvalid()) {
                field.setErrorMessage(friendly(p.message()));
                field.setInvalid(true);
            } else if (field == null) {
                unplaced.add(p.field().equals("body") ? "Please answer at least one question." : friendly(p.message()));
            }
        }
        Paragraph summary = new Paragraph(unplaced.isEmpty()
                ? "Please check the answers marked in red."
                : String.join(" ", unplaced));
        summary.addClassName("checkin-error");
        summary.getElement().setAttribute("role", "alert");
        result.add(summary);
    }

    private static String friendly(String message) {
        if (message.equals("is required")) {
            return "Please answer this question";
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    /** Adds a listener called after each stored check-in, e.g. to refresh today's totals. */
    public Registration addSavedListener(ComponentEventListener<SavedEvent> listener) {
        return addListener(SavedEvent.class, listener);
    }

    /** Fired after a check-in was stored; carries the reply with its flags. */
    public static class SavedEvent extends ComponentEvent<CheckInForm> {

        private final CheckInReply reply;

        SavedEvent(CheckInForm source, CheckInReply reply) {
            super(source, false);
            this.reply = reply;
        }

        public CheckInReply reply() {
            return reply;
        }
    }
}
