package com.walkrx.patient;

import com.walkrx.base.api.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The rules for what a patient record may hold; every problem names the field as the API names it. */
final class PatientRules {

    static final int MAX_NAME = 100;
    static final int MAX_LIMITS = 500;
    static final int MAX_PHONE = 30;
    static final int MAX_EMAIL = com.walkrx.base.api.EmailAddress.MAX_LENGTH;
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?[0-9 ()\\-]+");
    /** The oldest plausible patient. */
    static final int MAX_AGE_YEARS = 120;

    private PatientRules() {
    }

    static List<FieldProblem> enrolment(EnrolmentCommand c, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        name("givenName", c.givenName(), problems);
        name("familyName", c.familyName(), problems);

        LocalDate dob = c.dateOfBirth();
        boolean dobValid = false;
        if (dob == null) {
            problems.add(new FieldProblem("dateOfBirth", "is required"));
        } else if (!dob.isBefore(today)) {
            problems.add(new FieldProblem("dateOfBirth", "must be in the past"));
        } else if (dob.isBefore(today.minusYears(MAX_AGE_YEARS))) {
            problems.add(new FieldProblem("dateOfBirth", "is not plausible (more than " + MAX_AGE_YEARS + " years ago)"));
        } else {
            dobValid = true;
        }
        if (c.condition() == null) {
            problems.add(new FieldProblem("condition", "is required"));
        }
        if (c.acuity() == null) {
            problems.add(new FieldProblem("acuity", "is required"));
        }

        if (c.onsetDate() == null) {
            if (c.acuity() == Acuity.ACUTE) {
                problems.add(new FieldProblem("onsetDate", "is required for acute pain"));
            }
        } else {
            pastOrToday("onsetDate", c.onsetDate(), today, problems);
            notBeforeBirth("onsetDate", c.onsetDate(), dobValid ? dob : null, problems);
        }

        if (c.surgeryDate() != null) {
            pastOrToday("surgeryDate", c.surgeryDate(), today, problems);
            notBeforeBirth("surgeryDate", c.surgeryDate(), dobValid ? dob : null, problems);
        }
        if (c.surgeonClearanceDate() != null) {
            clearanceDate("surgeonClearanceDate", c.surgeonClearanceDate(), c.surgeryDate(), today, problems);
        }
        limits("surgeonClearanceLimits", c.surgeonClearanceLimits(), c.surgeonClearanceDate() != null, problems);
        contact(c, problems);
        return problems;
    }

    /** Phone and e-mail optional but well-formed; an emergency contact needs both a name and a phone. */
    static void contact(EnrolmentCommand c, List<FieldProblem> problems) {
        phone("phone", c.phone(), problems);
        com.walkrx.base.api.EmailAddress.problem("email", c.email()).ifPresent(problems::add);
        String contactName = clean(c.emergencyContactName());
        if (contactName != null) {
            name("emergencyContactName", contactName, problems);
        }
        phone("emergencyContactPhone", c.emergencyContactPhone(), problems);
        if (contactName != null && clean(c.emergencyContactPhone()) == null) {
            problems.add(new FieldProblem("emergencyContactPhone", "is required with an emergency contact's name"));
        }
        if (contactName == null && clean(c.emergencyContactPhone()) != null) {
            problems.add(new FieldProblem("emergencyContactName", "is required with an emergency contact's phone"));
        }
    }

    /** The contact details as stored: trimmed, blanks as null. */
    static PatientContact cleanContact(EnrolmentCommand c) {
        return new PatientContact(clean(c.phone()), clean(c.email()), clean(c.emergencyContactName()),
                clean(c.emergencyContactPhone()));
    }

    private static void phone(String field, String value, List<FieldProblem> problems) {
        String v = clean(value);
        if (v == null) {
            return;
        }
        long digits = v.chars().filter(Character::isDigit).count();
        if (v.length() > MAX_PHONE) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_PHONE + " characters"));
        } else if (!PHONE.matcher(v).matches() || digits < 5 || digits > 15) {
            problems.add(new FieldProblem(field, "must be a phone number: digits, spaces, ( ) - and a leading +"));
        }
    }

    static List<FieldProblem> surgery(LocalDate date, LocalDate dateOfBirth, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (date == null) {
            problems.add(new FieldProblem("date", "is required"));
        } else {
            pastOrToday("date", date, today, problems);
            notBeforeBirth("date", date, dateOfBirth, problems);
        }
        return problems;
    }

    static List<FieldProblem> clearance(LocalDate date, String limits, LocalDate surgeryDate, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (date == null) {
            problems.add(new FieldProblem("date", "is required"));
        } else {
            clearanceDate("date", date, surgeryDate, today, problems);
        }
        limits("limits", limits, true, problems);
        return problems;
    }

    /** A name as stored: trimmed, or null when blank. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.isEmpty() ? null : t;
    }

    private static void name(String field, String value, List<FieldProblem> problems) {
        String v = clean(value);
        if (v == null) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (v.length() > MAX_NAME) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_NAME + " characters"));
        } else if (v.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(field, "must not contain control characters"));
        }
    }

    private static void pastOrToday(String field, LocalDate date, LocalDate today, List<FieldProblem> problems) {
        if (date.isAfter(today)) {
            problems.add(new FieldProblem(field, "must not be in the future"));
        }
    }

    private static void notBeforeBirth(String field, LocalDate date, LocalDate dob, List<FieldProblem> problems) {
        if (dob != null && date.isBefore(dob)) {
            problems.add(new FieldProblem(field, "must not be before the date of birth"));
        }
    }

    private static void clearanceDate(String field, LocalDate date, LocalDate surgeryDate, LocalDate today,
                                      List<FieldProblem> problems) {
        if (surgeryDate == null) {
            problems.add(new FieldProblem(field, "needs a surgery date: a clearance is given after surgery"));
        } else if (date.isBefore(surgeryDate)) {
            problems.add(new FieldProblem(field, "must not be before the surgery date"));
        } else if (date.isAfter(today)) {
            problems.add(new FieldProblem(field, "must not be in the future"));
        }
    }

    private static void limits(String field, String limits, boolean hasClearance, List<FieldProblem> problems) {
        String v = clean(limits);
        if (v == null) {
            return;
        }
        if (!hasClearance) {
            problems.add(new FieldProblem(field, "needs a clearance date"));
        } else if (v.length() > MAX_LIMITS) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_LIMITS + " characters"));
        }
    }
}
