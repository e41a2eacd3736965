package com.walkrx.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The operator's token: off when unset, refused at start-up when short, matched exactly. */
class OperatorTokenTest {

    private static final String TOKEN = "an-operator-token-that-is-long-enough";

    @Test
    void a_short_token_is_refused_at_start_up_naming_the_setting() {
        assertThatThrownBy(() -> new OperatorToken("short-token")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WALKRX_OPERATOR_TOKEN").hasMessageContaining("at least 32 characters");
    }

    @Test
    void only_the_configured_token_as_a_bearer_token_opens_the_door() {
        OperatorToken operator = new OperatorToken(TOKEN);
        assertThat(operator.presentIn(request("Bearer " + TOKEN))).isTrue();
        assertThat(operator.presentIn(request("bearer " + TOKEN))).isTrue();
        assertThat(operator.presentIn(request("Bearer " + TOKEN + "x"))).isFalse();
        assertThat(operator.presentIn(request("Basic " + TOKEN))).isFalse();
        assertThat(operator.presentIn(request(null))).isFalse();
    }

    @Test
    void without_a_token_configured_nobody_is_the_operator() {
        OperatorToken none = new OperatorToken("");
        assertThat(none.presentIn(request("Bearer "))).isFalse();
        assertThat(none.presentIn(request("Bearer " + TOKEN))).isFalse();
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }
}
