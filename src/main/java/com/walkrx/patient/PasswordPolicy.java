package com.walkrx.patient;

import com.walkrx.base.api.FieldProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a patient's new password must be (ASVS 5.0 V6.2): at least 12 characters, not on the list of
 * common passwords (compared case-insensitively), not containing the username, and at most 72 bytes
 * because bcrypt reads no further.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;
    static final String COMMON_PASSWORDS = "/security/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** The problem with this password, if any, for the field {@code password}. */
    Optional<FieldProblem> check(String password, String username) {
        if (password == null || password.isEmpty()) {
            return problem("is required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return problem("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return problem("is too long: at most " + MAX_BYTES + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return problem("is too common and easy to guess; choose another");
        }
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!user.isEmpty() && lower.contains(user)) {
            return problem("must not contain your username");
        }
        return Optional.empty();
    }

    boolean isCommon(String password) {
        return password != null && common.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Optional<FieldProblem> problem(String message) {
        return Optional.of(new FieldProblem("password", message));
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
        return Set.copyOf(words);
    }
}
