package com.walkrx.clinic;

import com.walkrx.base.api.FieldProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one password rule for every account, staff and patients (ASVS 5.0 V6.2): {@value #MIN_LENGTH} to
 * {@value #MAX_LENGTH} characters and at most {@value #MAX_BYTES} bytes (bcrypt reads no further, so a
 * longer password would be cut silently), not on the list of common passwords (compared
 * case-insensitively), not one character repeated, not containing the username. Length, not composition,
 * makes it strong.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    public static final int MAX_BYTES = 72;
    static final String COMMON_PASSWORDS = "/security/common-passwords.txt";

    /** What the rule is, in the words a form shows under a new-password field. */
    public static final String HINT = MIN_LENGTH + " to " + MAX_LENGTH + " characters (accented letters and "
            + "symbols count double or more towards a limit of " + MAX_BYTES + " bytes); not a common password and "
            + "not your username. A short sentence of your own is easy to remember and hard to guess.";

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** What is wrong with the password, named for the given field; empty when it is acceptable. */
    public static List<FieldProblem> problems(String field, String password, String username) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add(new FieldProblem(field, "is required"));
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add(new FieldProblem(field, "must be at least " + MIN_LENGTH + " characters"));
            return problems;
        }
        if (length > MAX_LENGTH) {
            problems.add(new FieldProblem(field, "is too long: at most " + MAX_LENGTH + " characters"));
            return problems;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(new FieldProblem(field, "is too long: at most " + MAX_BYTES
                    + " bytes (accented letters and symbols take 2 to 4 bytes each)"));
            return problems;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.codePoints().distinct().count() == 1) {
            problems.add(new FieldProblem(field, "is too common and easy to guess; choose a phrase of your own"));
        } else if (username != null && username.strip().length() >= 3
                && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem(field, "must not contain your username"));
        }
        return problems;
    }

    static boolean isCommon(String password) {
        return password != null && COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + COMMON_PASSWORDS);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The demo password and the product's own words are never acceptable for a real account.
        words.addAll(List.of("walkrx-demo-2026", "walkingtherapy", "backpain1234", "administrator",
                "administrator1", "passwordpassword", "trustno1trustno1", "p@ssw0rd1234", "password123!"));
        return Set.copyOf(words);
    }
}
