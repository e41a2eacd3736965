package com.walkrx.clinic.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.walkrx.base.security.Role;
import com.walkrx.clinic.SignInFailure;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import com.walkrx.support.WebClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The admin's page of refused sign-ins to the clinic's accounts. */
@WalkRxTest
class SignInFailuresViewTest extends BrowserlessTest {

    @Test
    void an_admin_sees_the_clinics_refused_sign_ins_counted_and_the_page_is_audited() {
        clock.setInstant(Instant.parse("2026-11-29T09:15:00Z"));
        TestData.User admin = data.staff(data.clinic(), Role.ADMIN);
        TestData.User clinician = data.staff(admin.clinicId(), Role.CLINICIAN);
        String address = WebClient.newTestAddress();
        WebClient client = new WebClient(port).from(address);
        for (int i = 0; i < 5; i++) {
            client.getAs("/api/v1/me", clinician.username(), "not-the-password-" + i);
        }
        clock.setInstant(clock.instant().plus(Duration.ofMinutes(10)));
        client.getAs("/api/v1/me", clinician.username(), TestData.PASSWORD); // locked: refused unchecked
        client.getAs("/api/v1/me", "no-such-" + clinician.username(), "whatever-it-is");
        admin.login();

        navigate(SignInFailuresView.class);
        @SuppressWarnings("unchecked")
        Grid<SignInFailure> grid = $(Grid.class).single();

        assertThat(test(grid).size()).isEqualTo(2); // the unknown username is not the clinic's
        int attempts = test(grid).getColumnPosition("attempts");
        assertThat(((Span) test(grid).getCellComponent(0, "reason")).getText())
                .isEqualTo("Refused unchecked: too many recent failures");
        assertThat(test(grid).getCellText(0, attempts)).isEqualTo("1");
        assertThat(((Span) test(grid).getCellComponent(1, "reason")).getText()).isEqualTo("Wrong password");
        assertThat(test(grid).getCellText(1, attempts)).isEqualTo("5");
        assertThat(test(grid).getCellText(1, test(grid).getColumnPosition("account")))
                .isEqualTo(clinician.displayName() + " (" + clinician.username() + ")");
        assertThat(test(grid).getCellText(1, test(grid).getColumnPosition("address"))).isEqualTo(address);
        assertThat(test(grid).getCellText(1, test(grid).getColumnPosition("last"))).isEqualTo("29/11/2026, 09:15");
        assertThat(test(grid).getCellText(1, test(grid).getColumnPosition("channel"))).isEqualTo("API");
        assertThat($(Paragraph.class).withClassName("unknown-usernames").single().getText()).contains("operator");
        assertThat(jdbc.sql("select count(*) from audit_event where user_id = ? and action = 'VIEWED_SIGN_IN_FAILURES'")
                .param(admin.id()).query(Long.class).single()).isPositive();
    }
}
