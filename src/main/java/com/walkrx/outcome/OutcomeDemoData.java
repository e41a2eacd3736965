package com.walkrx.outcome;

import com.walkrx.demo.DemoPatient;
import com.walkrx.demo.DemoPlanAssigner;
import com.walkrx.demo.DemoProfile;
import com.walkrx.outcome.QuestionnaireStore.Row;
import com.walkrx.outcome.ResponseRequest.Activity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the demo patients a plausible history of PEG, PSFS and GROC responses that follows each profile's pain
 * from its start to its end, so the charts and the caseload's badges show something on the first start. Some
 * questionnaires stay unanswered: a few missed ones, everything of the last week of the patient who stopped
 * checking in, Ada Byrne's latest PEG (overdue), and every one due in the last 3 days (due on "today"). Runs
 * after the plans are assigned, inside the seeding transaction; answers go through the same scoring as the API.
 */
@Component
@Order(3)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OutcomeDemoData implements DemoPlanAssigner {

    private static final Map<Integer, List<String>> ACTIVITIES = Map.of(
            1, List.of("walking to the shop", "gardening", "lifting my grandson"),
            2, List.of("sitting through a film", "walking the dog", "putting on socks", "driving to work"),
            6, List.of("getting out of bed", "walking to the bus stop", "carrying shopping"));
    private static final List<String> DEFAULT_ACTIVITIES = List.of("walking for 20 minutes", "bending to tie shoes",
            "carrying shopping bags");

    private final OutcomeService outcomes;

    @Override
    public void assignPlans(List<DemoPatient> patients, LocalDate today) {
        for (DemoPatient p : patients) {
            answer(p, today, new Random(7919L * p.profile().number()));
        }
    }

    private void answer(DemoPatient patient, LocalDate today, Random random) {
        DemoProfile profile = patient.profile();
        List<Row> rows = outcomes.scheduleAndList(patient.patientId(), today);
        int totalDays = Math.max(1, (int) (today.toEpochDay() - patient.planStart().toEpochDay()));
        for (Row q : rows) {
            boolean latestOfItsKind = rows.stream().noneMatch(o -> o.instrument() == q.instrument()
                    && o.dueDate().isAfter(q.dueDate()));
            boolean baseline = q.occasion() == Occasion.BASELINE;
            if (latestOfItsKind && !q.dueDate().isBefore(today.minusDays(OutcomeSchedule.OVERDUE_AFTER_DAYS))) {
                continue; // due now: the patient sees it on "today"
            }
            if (latestOfItsKind && profile.number() == 1 && q.instrument() == Instrument.PEG) {
                continue; // overdue: the caseload's badge
            }
            if (profile.story() == DemoProfile.Story.STOPPED_CHECKING_IN && !q.dueDate().isBefore(today.minusDays(7))) {
                continue;
            }
            if (!baseline && random.nextDouble() > Math.min(0.95, profile.adherence())) {
                continue; // missed: not made up
            }
            var prior = q.instrument() == Instrument.GROC ? java.util.Optional.<QuestionnaireStore.Baseline>empty()
                    : outcomes.baseline(q.planId(), q.instrument());
            double progress = (double) (q.dueDate().toEpochDay() - patient.planStart().toEpochDay()) / totalDays;
            double pain = profile.startPain() + (profile.endPain() - profile.startPain()) * progress;
            ResponseRequest request = switch (q.instrument()) {
                case PEG -> ResponseRequest.peg(item(pain, random), item(pain + 0.6, random), item(pain + 0.3, random));
                case PSFS -> psfs(profile.number(), pain, random, prior.isEmpty());
                case GROC -> ResponseRequest.groc(Math.max(-7, Math.min(7,
                        (int) Math.round((profile.startPain() - pain) * 1.6 + random.nextGaussian() * 0.5))));
            };
            ResponseRequest.Valid valid = request.validate(q.instrument(),
                    q.instrument() == Instrument.PSFS ? prior.map(QuestionnaireStore.Baseline::activities).orElse(null)
                            : null);
            outcomes.store(q, valid, prior, q.dueDate(), null);
        }
    }

    private static ResponseRequest psfs(int number, double pain, Random random, boolean baseline) {
        List<String> names = ACTIVITIES.getOrDefault(number, DEFAULT_ACTIVITIES);
        List<Integer> ratings = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ratings.add(item(10 - pain * 1.1 + i * 0.4, random));
        }
        if (!baseline) {
            return ResponseRequest.psfsFollowUp(ratings);
        }
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            activities.add(new Activity(names.get(i), ratings.get(i)));
        }
        return ResponseRequest.psfsBaseline(activities);
    }

    private static int item(double mean, Random random) {
        return (int) Math.max(0, Math.min(10, Math.round(mean + random.nextGaussian() * 0.6)));
    }
}
