package com.walkrx.clinic;

import com.walkrx.base.api.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The password rule for every account: 12 to 128 characters, not a well-known password, not the
 * username, not one character repeated (ASVS 5.0 V6.2). Length, not composition, makes it strong.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** Common passwords of 12 or more characters, from public breach lists' top entries. */
    private static final Set<String> COMMON = Set.of(
            "123456789012", "1234567890123", "12345678901234", "123456789123", "1q2w3e4r5t6y", "1qaz2wsx3edc",
            "qwertyuiop12", "qwertyuiopas", "qwerty123456", "qwertyuiop123", "asdfghjkl123", "zxcvbnm12345",
            "password1234", "password12345", "password123456", "passwordpassword", "password123!", "p@ssw0rd1234",
            "iloveyou1234", "welcome12345", "welcome123456", "administrator", "administrator1", "changeme1234",
            "letmein12345", "football1234", "baseball1234", "sunshine1234", "princess1234", "trustno1trustno1",
            "abcdefghijkl", "abcdef123456", "abc123456789", "111111111111", "000000000000", "123123123123",
            "qazwsxedcrfv", "monkey123456", "dragon123456", "master123456", "superman1234", "whatever1234",
            "walkrx-demo-2026", "walkingtherapy", "backpain1234");

    private PasswordPolicy() {
    }

    /** What is wrong with the password, named for the given field; empty when it is acceptable. */
    public static List<FieldProblem> problems(String field, String password, String username) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add(new FieldProblem(field, "must be at least " + MIN_LENGTH + " characters"));
            return problems;
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_LENGTH + " characters"));
            return problems;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() == 1) {
            problems.add(new FieldProblem(field, "is too common; choose a longer phrase of your own"));
        } else if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem(field, "must not contain the username"));
        }
        return problems;
    }
}
