package com.walkrx.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.api.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one password rule for staff and patients, at its boundaries: 12 and 64 characters, 72 bytes
 * (bcrypt's limit), common passwords (case-insensitive), one repeated character, the username.
 * {@code a*N} stands for N letters cycling through "wqzjxvkmtr", {@code é*N} for N two-byte letters.
 */
class PasswordPolicyTest {

    private static String expand(String spec) {
        if (spec.matches("[a-zé]\\*\\d+(\\+.*)?")) {
            String[] parts = spec.split("\\+", 2);
            int n = Integer.parseInt(parts[0].substring(2));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(parts[0].charAt(0) == 'é' ? "éèêëàâ".charAt(i % 6) : "wqzjxvkmtr".charAt(i % 10));
            }
            return sb + (parts.length > 1 ? parts[1] : "");
        }
        return spec;
    }

    @ParameterizedTest(name = "{0} ({3}) for {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL                     | ada | is required          | nothing",
            "''                       | ada | is required          | empty",
            "a*11                     | ada | at least 12          | 11 characters",
            "a*12                     | bob | ok                   | 12 characters",
            "a*64                     | bob | ok                   | 64 characters, 64 bytes",
            "a*65                     | bob | at most 64 characters | 65 characters",
            "é*36                     | bob | ok                   | 36 characters, 72 bytes",
            "é*36+x                   | bob | at most 72 bytes     | 37 characters, 73 bytes",
            "é*35+xy                  | bob | ok                   | 37 characters, 72 bytes",
            "é*40                     | bob | at most 72 bytes     | 40 characters, 80 bytes",
            "password1234             | ada | too common           | on the list",
            "PassWord1234             | ada | too common           | on the list, other case",
            "qwertyuiop12             | ada | too common           | keyboard walk",
            "walkrx-demo-2026         | ada | too common           | the demo password",
            "zzzzzzzzzzzzzzzz         | ada | too common           | one character repeated",
            "my name is ada lovelace  | ada | your username        | contains the username",
            "MY NAME IS ADA LOVELACE  | ada | your username        | contains it, other case",
            "walks by the river daily | ada | ok                   | a phrase",
    })
    void password_rules(String spec, String username, String expected, String what) {
        String password = spec == null ? null : expand(spec);
        if (password != null && what.contains("bytes")) {
            assertThat(password.getBytes(StandardCharsets.UTF_8).length + " bytes").as(what).isIn(what.split(", ")[1]);
        }
        List<FieldProblem> problems = PasswordPolicy.problems("newPassword", password, username);
        if (expected.equals("ok")) {
            assertThat(problems).as(what).isEmpty();
        } else {
            assertThat(problems).as(what).hasSize(1);
            assertThat(problems.getFirst().field()).isEqualTo("newPassword");
            assertThat(problems.getFirst().message()).contains(expected);
        }
    }
}
