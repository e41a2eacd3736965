package com.walkrx.outcome;

import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.WholeNumber;
import com.walkrx.base.api.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A questionnaire response as it arrives from the API or the form, before validation (API.md "Outcome measures"):
 * PEG {@code {"answers": {"pain", "enjoyment", "activity"}}}, GROC {@code {"answers": {"change"}}}, PSFS at
 * baseline {@code {"activities": [{"name", "rating"}]}} and later {@code {"ratings": [...]}} in the baseline's order.
 */
public record ResponseRequest(Answers answers, List<Activity> activities,
                              @JsonDeserialize(contentUsing = WholeNumber.class) List<Integer> ratings) {

    /** The single-number answers of PEG and GROC. */
    public record Answers(@JsonDeserialize(using = WholeNumber.class) Integer pain,
                          @JsonDeserialize(using = WholeNumber.class) Integer enjoyment,
                          @JsonDeserialize(using = WholeNumber.class) Integer activity,
                          @JsonDeserialize(using = WholeNumber.class) Integer change) {
    }

    /** A PSFS activity named at baseline, with its rating. */
    public record Activity(String name, @JsonDeserialize(using = WholeNumber.class) Integer rating) {
    }

    public static ResponseRequest peg(Integer pain, Integer enjoyment, Integer activity) {
        return new ResponseRequest(new Answers(pain, enjoyment, activity, null), null, null);
    }

    public static ResponseRequest groc(Integer change) {
        return new ResponseRequest(new Answers(null, null, null, change), null, null);
    }

    public static ResponseRequest psfsBaseline(List<Activity> activities) {
        return new ResponseRequest(null, activities, null);
    }

    public static ResponseRequest psfsFollowUp(List<Integer> ratings) {
        return new ResponseRequest(null, null, ratings);
    }

    /** A validated response: the item values in order and, for PSFS, the activities they rate. */
    record Valid(List<Integer> values, List<String> activityNames) {

        /** The answers as stored and exported. */
        Map<String, Object> asJson(Instrument instrument) {
            Map<String, Object> json = new LinkedHashMap<>();
            if (instrument == Instrument.PSFS) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("name", activityNames.get(i));
                    a.put("rating", values.get(i));
                    list.add(a);
                }
                json.put("activities", list);
            } else {
                for (int i = 0; i < values.size(); i++) {
                    json.put(instrument.items().get(i).key(), values.get(i));
                }
            }
            return json;
        }
    }

    /**
     * Checks the response against its instrument; every bad field is named as the API names it ({@code
     * answers.pain}, {@code activities[1].name}, {@code ratings[2]}) and nothing is stored.
     *
     * @param baselineActivities PSFS: the activities named at the plan's baseline, or null if this is the baseline
     */
    Valid validate(Instrument instrument, List<String> baselineActivities) {
        List<FieldProblem> problems = new ArrayList<>();
        Valid valid = switch (instrument) {
            case PEG, GROC -> singleNumbers(instrument, problems);
            case PSFS -> baselineActivities == null ? validBaseline(problems) : validFollowUp(baselineActivities, problems);
        };
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return valid;
    }

    private Valid singleNumbers(Instrument instrument, List<FieldProblem> problems) {
        notPartOf(instrument, "activities", activities, problems);
        notPartOf(instrument, "ratings", ratings, problems);
        if (answers == null) {
            problems.add(new FieldProblem("answers", "is required"));
            return null;
        }
        Map<String, Integer> given = new LinkedHashMap<>();
        given.put("pain", answers.pain());
        given.put("enjoyment", answers.enjoyment());
        given.put("activity", answers.activity());
        given.put("change", answers.change());
        Set<String> asked = new HashSet<>();
        List<Integer> values = new ArrayList<>();
        for (Instrument.Item item : instrument.items()) {
            asked.add(item.key());
            Integer v = given.get(item.key());
            values.add(v);
            inRange("answers." + item.key(), v, instrument.min(), instrument.max(), problems);
        }
        given.forEach((key, v) -> {
            if (v != null && !asked.contains(key)) {
                problems.add(new FieldProblem("answers." + key, "is not a question of " + instrument.name()));
            }
        });
        return new Valid(values, null);
    }

    private Valid validBaseline(List<FieldProblem> problems) {
        notPartOf(Instrument.PSFS, "answers", answers, problems);
        if (ratings != null) {
            problems.add(new FieldProblem("ratings", "your first PSFS names its activities: send activities "
                    + "with a name and a rating each"));
        }
        if (activities == null) {
            problems.add(new FieldProblem("activities", "is required"));
            return null;
        }
        if (activities.size() < Instrument.PSFS_MIN_ACTIVITIES || activities.size() > Instrument.PSFS_MAX_ACTIVITIES) {
            problems.add(new FieldProblem("activities", "must name " + Instrument.PSFS_MIN_ACTIVITIES + " to "
                    + Instrument.PSFS_MAX_ACTIVITIES + " activities"));
        }
        List<Integer> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < activities.size(); i++) {
            String path = "activities[" + i + "]";
            Activity a = activities.get(i);
            if (a == null) {
                problems.add(new FieldProblem(path, "is required"));
                continue;
            }
            String name = a.name() == null ? null : a.name().strip();
            if (name == null || name.isEmpty()) {
                problems.add(new FieldProblem(path + ".name", "is required"));
            } else if (name.indexOf('\u0000') >= 0) {
                problems.add(new FieldProblem(path + ".name", "must not contain NUL characters"));
            } else if (name.length() > Instrument.PSFS_MAX_NAME) {
                problems.add(new FieldProblem(path + ".name", "must be at most " + Instrument.PSFS_MAX_NAME
                        + " characters"));
            } else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem(path + ".name", "names an activity already listed"));
            }
            inRange(path + ".rating", a.rating(), 0, 10, problems);
            names.add(name);
            values.add(a.rating());
        }
        return new Valid(values, names);
    }

    private Valid validFollowUp(List<String> baseline, List<FieldProblem> problems) {
        notPartOf(Instrument.PSFS, "answers", answers, problems);
        if (activities != null) {
            problems.add(new FieldProblem("activities", "the activities were named at the start of your plan: "
                    + "send their ratings, in the same order"));
        }
        if (ratings == null) {
            problems.add(new FieldProblem("ratings", "is required"));
            return null;
        }
        if (ratings.size() != baseline.size()) {
            problems.add(new FieldProblem("ratings", "must rate the " + baseline.size()
                    + " activities named at the start, in the same order"));
        }
        for (int i = 0; i < ratings.size(); i++) {
            inRange("ratings[" + i + "]", ratings.get(i), 0, 10, problems);
        }
        return new Valid(ratings, baseline);
    }

    private static void inRange(String field, Integer value, int min, int max, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value < min || value > max) {
            problems.add(new FieldProblem(field, "must be between " + min + " and " + max));
        }
    }

    private static void notPartOf(Instrument instrument, String field, Object value, List<FieldProblem> problems) {
        if (value != null) {
            problems.add(new FieldProblem(field, "is not part of " + instrument.name()));
        }
    }
}
