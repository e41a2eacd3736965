package com.walkrx.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import com.walkrx.support.WebClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator's platform-wide view of refused sign-ins (no clinic): only with the operator token, never with a
 * clinic account; unknown usernames and totals per address; every read audited with the operator's address.
 */
@WalkRxTest
class OperatorSignInFailuresTest extends SpringTest {

    private static final String PATH = "/actuator/signinfailures";

    @Test
    void the_operator_sees_usernames_that_match_no_account_and_totals_per_address() {
        String address = WebClient.newTestAddress();
        new WebClient(port).from(address).getAs("/api/v1/me", "nobody-" + System.nanoTime(), "some-guess-12345");
        String operatorAddress = WebClient.newTestAddress();

        WebClient.Reply reply = new WebClient(port).from(operatorAddress)
                .get(PATH + "?days=1", Map.of("Authorization", "Bearer " + WalkRxTest.OPERATOR_TOKEN));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("\"withoutAccount\"", "\"byAddress\"", "\"clientAddress\":\"" + address + "\"",
                "\"reason\":\"BAD_CREDENTIALS\"", "\"unknownUsernameAttempts\":1");
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'operator' and clinic_id is null "
                + "and action = 'VIEWED_SIGN_IN_FAILURES' and client_address = ?").param(operatorAddress)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void without_the_operator_token_nobody_reads_it_not_even_a_clinic_admin() {
        TestData.User admin = data.staff(data.clinic(), Role.ADMIN);
        WebClient client = new WebClient(port).from(WebClient.newTestAddress());

        for (WebClient.Reply reply : new WebClient.Reply[] {
                client.get(PATH),
                client.get(PATH, Map.of("Authorization", "Bearer not-the-operator-token-but-just-as-long")),
                client.getAs(PATH, admin.username(), TestData.PASSWORD)}) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(reply.body()).doesNotContain("withoutAccount");
        }
    }

    @Test
    void a_period_out_of_range_is_refused_naming_the_field() {
        WebClient.Reply reply = new WebClient(port).get(PATH + "?days=91",
                Map.of("Authorization", "Bearer " + WalkRxTest.OPERATOR_TOKEN));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"field\":\"days\"", "must be between 1 and 90");
    }
}
