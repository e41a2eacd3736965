package com.walkrx.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import com.walkrx.support.WebClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Security headers on UI pages and API replies; HSTS only when the request came over TLS. */
@WalkRxTest
class SecurityHeadersTest extends SpringTest {

    @Test
    void ui_pages_carry_a_content_security_policy_vaadin_works_under_and_cannot_be_framed() {
        WebClient.Reply page = new WebClient(port).get("/login");

        assertThat(page.status()).isEqualTo(200);
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).isEqualTo(SecurityConfiguration.UI_CSP)
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "form-action 'self'",
                        "script-src 'self' 'unsafe-inline' 'unsafe-eval'", "style-src 'self' 'unsafe-inline'")
                .doesNotContain("*", "http:", "https:");
        assertThat(page.raw().headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.header("Permissions-Policy")).contains("camera=()");
        assertThat(page.header("Strict-Transport-Security")).as("not over plain HTTP").isNull();
        assertThat(page.header("Set-Cookie")).contains("HttpOnly", "SameSite=Lax");
        assertThat(page.header("Set-Cookie")).as("plain HTTP (no WALKRX_TLS): the usual name, not Secure")
                .startsWith("JSESSIONID=").doesNotContain("Secure", "__Host-");
    }

    @Test
    void a_logged_in_page_carries_them_too() {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        WebClient browser = new WebClient(port).from(WebClient.newTestAddress());
        browser.login(user.username(), TestData.PASSWORD);

        WebClient.Reply page = browser.get("/caseload");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).isEqualTo(SecurityConfiguration.UI_CSP);
        assertThat(page.raw().headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(page.header("Cache-Control")).contains("no-store");
    }

    @Test
    void over_tls_the_browser_is_told_to_use_https_only() {
        WebClient.Reply page = new WebClient(port).get("/login", Map.of("X-Forwarded-Proto", "https"));

        assertThat(page.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(page.header("Set-Cookie")).contains("Secure");
    }

    @Test
    void api_replies_forbid_everything_a_browser_could_do_with_them() {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        WebClient client = new WebClient(port).from(WebClient.newTestAddress());

        for (WebClient.Reply reply : List.of(client.getAs("/api/v1/me", user.username(), TestData.PASSWORD),
                client.getAs("/api/v1/me", user.username(), "wrong-password-12"))) {
            assertThat(reply.header("Content-Security-Policy")).isEqualTo(SecurityConfiguration.API_CSP);
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.raw().headers().allValues("X-Frame-Options")).containsExactly("DENY");
            assertThat(reply.header("Set-Cookie")).as("the API is stateless").isNull();
        }
    }

    @Test
    void an_unknown_api_path_is_a_404_problem_not_a_vaadin_page() {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        WebClient.Reply reply = new WebClient(port).from(WebClient.newTestAddress())
                .getAs("/api/v1/no-such-thing", user.username(), TestData.PASSWORD);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.body()).contains("There is no such endpoint.");
        assertThat(reply.header("Set-Cookie")).isNull();
    }

    @Test
    void browsers_can_report_policy_violations() {
        WebClient.Reply reply = new WebClient(port).postJson(CspReports.PATH,
                "{\"csp-report\":{\"blocked-uri\":\"https://evil.example/x.js\",\"violated-directive\":\"script-src\"}}",
                "application/csp-report");
        assertThat(reply.status()).isEqualTo(204);
    }
}
