package com.walkrx.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.api.FieldProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A new password: at least 12 characters, not common (case-insensitive), not containing the username. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest(name = "\"{0}\" for {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL                      | ada    | required",
            "''                        | ada    | required",
            "elevenchars                | ada    | at least 12",
            "twelve chars               | ada    | ok",
            "password1234               | ada    | too common",
            "PassWord1234               | ada    | too common",
            "qwertyuiop12               | ada    | too common",
            "QWERTYUIOP12               | ada    | too common",
            "123456789012               | ada    | too common",
            "iloveyou1234               | ada    | too common",
            "my name is ada lovelace    | ada    | username",
            "MY NAME IS ADA LOVELACE    | ada    | username",
            "walks by the river daily   | ada    | ok",
            "áéíóúáéíóúáé               | bob    | ok",
            "x123456789012345678901234567890123456789012345678901234567890123456789012 | bob | too long",
            "x12345678901234567890123456789012345678901234567890123456789012345678901 | bob | ok",
    })
    void password_rules(String password, String username, String expected) {
        var problem = policy.check(password, username);
        if (expected.equals("ok")) {
            assertThat(problem).isEmpty();
        } else {
            assertThat(problem).get().extracting(FieldProblem::field).isEqualTo("password");
            assertThat(problem.get().message()).contains(expected);
        }
    }
}
