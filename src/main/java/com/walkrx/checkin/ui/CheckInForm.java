package com.walkrx.checkin.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.clinical.Surface;
import com.walkrx.base.ui.Dates;
import com.walkrx.checkin.CheckInCommand;
import com.walkrx.checkin.CheckInReply;
import com.walkrx.checkin.CheckInRequest;
import com.walkrx.checkin.CheckInRules;
import com.walkrx.checkin.CheckInService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/**
 * The patient's phone-first check-in: "Log a walk" ({@link WalkSection}) and "How are you today"
 * ({@link DaySection}), each saved on its own for the day picked above them. After saving, the patient sees what
 * was stored and, first and prominently, any advice the check-in raised ({@link CheckInOutcome}).
 * Inject it (prototype scope) into a patient page, e.g. the Today view.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@StyleSheet("context://styles/checkin.css")
public class CheckInForm extends Div {

    private final CheckInService checkIns;
    private final CurrentUser currentUser;
    private final DatePicker day;
    private final WalkSection walk = new WalkSection();
    private final DaySection today = new DaySection();

    public CheckInForm(CheckInService checkIns, CurrentUser currentUser) {
        this.checkIns = checkIns;
        this.currentUser = currentUser;
        addClassName("checkin-form");

        LocalDate now = checkIns.today();
        day = Dates.datePicker(getTranslation("checkin.date.label"));
        day.setId("checkin-date");
        day.setValue(now);
        day.setMin(now.minusDays(CheckInRules.MAX_DAYS_BACK));
        day.setMax(now);
        day.setHelperText(getTranslation("checkin.date.helper", CheckInRules.MAX_DAYS_BACK));
        day.setRequiredIndicatorVisible(true);
        day.setManualValidation(true);
        walk.save.addClickListener(e -> saveWalk());
        today.save.addClickListener(e -> saveDay());
        add(day, walk, today);
    }

    /** Hides "Log a walk" while the plan is paused by a flag (the day's check-in stays: symptoms still matter). */
    public void setWalkLoggingVisible(boolean visible) {
        walk.setVisible(visible);
    }

    /** Fills in a walk as today's plan prescribes it (null: no suggestion); the patient changes what differed. */
    public void suggestWalk(Integer minutes, Surface surface) {
        walk.suggest(minutes, surface);
    }

    private void saveWalk() {
        CheckInRequest request = new CheckInRequest(day.getValue(), null, null, List.of(walk.walk()), null, null);
        if (submit(request, withDate(walk.fields), walk.result, List.of())) {
            walk.clear();
        }
    }

    private void saveDay() {
        CheckInRequest request = new CheckInRequest(day.getValue(), today.overallPain.getValue(),
                today.steps.getValue(), null, today.symptoms(), today.notes.getValue());
        List<FieldProblem> extra = new ArrayList<>();
        if (today.overallPain.getValue() == null) {
            // The daily check-in always asks for today's pain: it feeds the pain trend and the baseline.
            extra.add(new FieldProblem("overallPain", "is required"));
        }
        if (submit(request, withDate(today.fields), today.result, extra)) {
            today.clear();
        }
    }

    private Map<String, HasValidation> withDate(Map<String, HasValidation> fields) {
        Map<String, HasValidation> all = new LinkedHashMap<>();
        all.put("date", day);
        all.putAll(fields);
        return all;
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
            CheckInOutcome.showSaved(result, checkIns.get(caller, reply.id()), reply, checkIns.zone());
            fireEvent(new SavedEvent(this, reply));
            return true;
        } catch (InvalidInputException e) {
            CheckInOutcome.showProblems(e.problems(), fields, result);
            return false;
        }
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
