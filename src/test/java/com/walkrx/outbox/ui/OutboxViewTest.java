package com.walkrx.outbox.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.walkrx.base.security.Role;
import com.walkrx.outbox.OutboxMail;
import com.walkrx.outbox.OutboxService;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionOperations;

/** The admin's Outbox page: the e-mails WalkRx wrote, readable without a mail server, audited, admins only. */
@WalkRxTest
class OutboxViewTest extends BrowserlessTest {

    @Autowired OutboxService outbox;
    @Autowired TransactionOperations transactions;

    @Test
    void an_admin_reads_the_clinics_unsent_escalation_e_mails_and_the_read_is_audited_with_the_patient() {
        TestData.AdminClinic scene = data.adminClinic();
        long other = data.clinic();
        transactions.executeWithoutResult(s -> {
            outbox.enqueue(scene.clinic(), scene.patient(), List.of("clinician@clinic.example"),
                    "WalkRx: URGENT flag not acknowledged for 16 minutes", "Patient: Test Patient\nFlag: Cauda equina",
                    "escalation of flag 1");
            outbox.enqueue(other, null, List.of("someone@other.example"), "Another clinic's mail", "Not yours",
                    "test");
        });
        scene.admin().login();
        navigate(OutboxView.class);

        assertThat($(Paragraph.class).withClassName("outbox-not-sending").single().getText())
                .contains("No mail server is configured", "SPRING_MAIL_HOST");
        @SuppressWarnings("unchecked")
        Grid<OutboxMail> grid = $(Grid.class).single();
        assertThat(test(grid).size()).as("only this clinic's e-mails").isEqualTo(1);
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("clinician@clinic.example");
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("WalkRx: URGENT flag not acknowledged for 16 minutes");
        assertThat(((Span) test(grid).getCellComponent(0, "status")).getText()).isEqualTo("Not sent: no mail server");
        assertThat(test(grid).getCellText(0, 0)).matches("\\d{2}/\\d{2}/\\d{4}, \\d{2}:\\d{2}");

        assertThat(test(grid).getRow(0).body()).contains("Flag: Cauda equina");

        assertThat(jdbc.sql("select count(*) from audit_event where user_id = ? and action = 'VIEWED_OUTBOX' "
                        + "and patient_id = ? and allowed").param(scene.admin().id()).param(scene.patient())
                .query(Long.class).single()).isPositive();
    }

    @Test
    void a_clinician_cannot_read_the_outbox() {
        TestData.User clinician = data.staff(data.clinic(), Role.CLINICIAN);
        clinician.login();
        assertThatThrownBy(() -> outbox.list(clinician.caller(), 0, 50)).isInstanceOf(AccessDeniedException.class);
        assertThat(OutboxView.class.getAnnotation(jakarta.annotation.security.RolesAllowed.class).value())
                .containsExactly("ADMIN");
    }
}
