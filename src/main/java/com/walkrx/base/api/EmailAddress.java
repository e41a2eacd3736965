package com.walkrx.base.api;

import java.util.Optional;
import java.util.regex.Pattern;

/** The one rule for an e-mail address a user types (a patient's, a staff member's): optional, at most 254 characters. */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private EmailAddress() {
    }

    /** The address as stored: trimmed, a blank one as no address (null). */
    public static String clean(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** What is wrong with an optional address, naming the field; nothing for a blank one. */
    public static Optional<FieldProblem> problem(String field, String value) {
        String address = clean(value);
        if (address == null) {
            return Optional.empty();
        }
        if (address.length() > MAX_LENGTH) {
            return Optional.of(new FieldProblem(field, "must be at most " + MAX_LENGTH + " characters"));
        }
        if (!ADDRESS.matcher(address).matches()) {
            return Optional.of(new FieldProblem(field, "must be an e-mail address such as name@example.org"));
        }
        return Optional.empty();
    }
}
