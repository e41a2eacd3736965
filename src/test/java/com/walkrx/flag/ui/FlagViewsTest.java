package com.walkrx.flag.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.walkrx.base.security.Role;
import com.walkrx.flag.CheckIns;
import com.walkrx.flag.FlagAction;
import com.walkrx.flag.FlagService;
import com.walkrx.flag.FlagStatus;
import com.walkrx.flag.FlagView;
import com.walkrx.flag.Outcome;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The inbox and the flag cards without a browser: order, acknowledge, resolve, a refused transition, live updates. */
@WalkRxTest
class FlagViewsTest extends BrowserlessTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Autowired FlagService service;
    @Autowired FlagAlertsUiInit alertsUiInit;
    @Autowired CheckIns checkIns;

    long clinic;
    TestData.User clinician;
    TestData.User colleague;
    long patient;

    @BeforeEach
    void setUp() {
        clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
        colleague = data.staff(clinic, Role.CLINICIAN);
        patient = data.patient(clinic, "Mei", "Chen", null, clinician, colleague);
    }

    private void raise(String at, java.util.function.Consumer<CheckIns.Spec> content) {
        clock.setInstant(Instant.parse(at));
        checkIns.record(clinic, patient, TODAY, content);
    }

    private FlagInboxView openInbox() {
        clinician.login();
        alertsUiInit.register(UI.getCurrent()); // the UI was created before the login; register it as a logged-in one
        return navigate("flags", FlagInboxView.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<FlagView> grid() {
        return $(Grid.class).single();
    }

    private String badge() {
        SideNavItem item = $(SideNavItem.class).withCondition(i -> "flags".equals(i.getPath())).single();
        return item.getSuffixComponent() == null ? null : item.getSuffixComponent().getElement().getText();
    }

    @Test
    void the_inbox_lists_urgent_first_and_the_navigation_shows_the_open_count() {
        raise("2026-11-29T08:00:00Z", c -> c.sharpWalk(3, 4));
        raise("2026-11-29T09:00:00Z", c -> c.bladder());

        openInbox();

        assertThat(test(grid()).size()).isEqualTo(2);
        assertThat(test(grid()).getRow(0).code().name()).isEqualTo("CAUDA_EQUINA_SIGNS");
        assertThat(test(grid()).getCellText(0, 2)).isEqualTo("Cauda equina signs");
        assertThat(test(grid()).getRow(1).code().name()).isEqualTo("SHARP_OR_SEVERE_PAIN");
        assertThat(badge()).isEqualTo("2");
        assertThat($(com.vaadin.flow.component.html.Span.class).withClassName("flag-summary").single().getText())
                .isEqualTo("2 need attention: 1 urgent, 0 high, 1 advisory");
    }

    @Test
    void opening_the_inbox_and_a_flag_in_it_is_audited_with_the_patients_shown() {
        long other = data.patient(clinic, "Ada", "Byrne", null, clinician);
        raise("2026-11-29T08:00:00Z", c -> c.sharpWalk(3, 4));
        clock.setInstant(Instant.parse("2026-11-29T09:00:00Z"));
        checkIns.record(clinic, other, TODAY, c -> c.bladder());
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();

        openInbox();
        assertThat(test(grid()).size()).isEqualTo(2);
        // every slice the grid fetched, each naming the patients whose flags it showed
        assertThat(viewedFlags(before)).contains(patient, other).containsOnly(patient, other);

        long opened = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        test(grid()).select(0); // the URGENT one: the other patient's
        assertThat(viewedFlags(opened)).contains(other).doesNotContain(patient);
    }

    private java.util.List<Long> viewedFlags(long after) {
        return jdbc.sql("select patient_id from audit_event where id > ? and user_id = ? and action = 'VIEWED_FLAGS'"
                        + " and allowed and patient_id is not null")
                .param(after).param(clinician.id()).query(Long.class).list();
    }

    @Test
    void a_clinician_acknowledges_with_a_note_and_then_resolves_with_an_outcome() {
        raise("2026-11-29T09:00:00Z", c -> c.fever());
        openInbox();

        test(grid()).select(0);
        // The evidence is stored with an ISO date (the API's words); the card writes it as the clinic does.
        assertThat($(FlagCard.class).single().getElement().getTextRecursively())
                .contains("fever reported on 29/11/2026", "raised 29/11/2026, 09:00").doesNotContain("2026-11-29");
        test($(Button.class).withClassName("acknowledge-button").single()).click();
        test($(TextArea.class).withLabel("Note (optional)").single()).setValue("called, GP tomorrow");
        test($(Button.class).withClassName("confirm-acknowledge").single()).click();

        FlagView acknowledged = service.ofPatient(clinician.caller(), patient, null, 0, 5).items().getFirst();
        assertThat(acknowledged.status()).isEqualTo(FlagStatus.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo(clinician.displayName());
        assertThat(acknowledged.acknowledgeNote()).isEqualTo("called, GP tomorrow");
        // a HIGH flag stays in triage, shown as acknowledged, until it is resolved
        assertThat(test(grid()).size()).isEqualTo(1);
        assertThat(test(grid()).getRow(0).status()).isEqualTo(FlagStatus.ACKNOWLEDGED);
        assertThat(badge()).isEqualTo("1");
        assertThat($(com.vaadin.flow.component.html.Span.class).withClassName("flag-summary").single().getText())
                .isEqualTo("1 need attention: 0 urgent, 1 high, 0 advisory (1 acknowledged, not yet resolved)");

        test(grid()).select(0);
        assertThat($(FlagCard.class).single().getElement().getTextRecursively())
                .contains("Acknowledged by " + clinician.displayName());
        test($(Button.class).withClassName("resolve-button").single()).click();
        test($(Button.class).withClassName("confirm-resolve").single()).click(); // no outcome, action or note yet
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Outcome> outcome = $(RadioButtonGroup.class)
                .withCondition(r -> !r.hasClassName("resolve-action")).single();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<FlagAction> action = $(RadioButtonGroup.class).withClassName("resolve-action").single();
        TextArea note = $(TextArea.class).withLabel("Note").single();
        assertThat(outcome.isInvalid()).isTrue();
        assertThat(action.isInvalid()).isTrue();
        assertThat(note.isInvalid()).isTrue();
        outcome.setValue(Outcome.SEEN_BY_DOCTOR);
        action.setValue(FlagAction.GP_INFORMED);
        test($(Button.class).withClassName("confirm-resolve").single()).click(); // still no note: refused
        assertThat(service.ofPatient(clinician.caller(), patient, null, 0, 5).items().getFirst().status())
                .isEqualTo(FlagStatus.ACKNOWLEDGED);
        test(note).setValue("GP: viral infection");
        test($(Button.class).withClassName("confirm-resolve").single()).click();

        FlagView resolved = service.ofPatient(clinician.caller(), patient, null, 0, 5).items().getFirst();
        assertThat(resolved.status()).isEqualTo(FlagStatus.RESOLVED);
        assertThat(resolved.outcome()).isEqualTo(Outcome.SEEN_BY_DOCTOR);
        assertThat(resolved.resolveNote()).isEqualTo("GP: viral infection");
        assertThat(resolved.action()).isEqualTo(FlagAction.GP_INFORMED);
        assertThat(test(grid()).size()).isZero();
        assertThat(badge()).isEqualTo("0");
    }

    @Test
    void acknowledging_a_flag_a_colleague_resolved_meanwhile_is_refused_and_the_card_refreshes() {
        raise("2026-11-29T09:00:00Z", c -> c.saddle());
        openInbox();
        test(grid()).select(0);
        test($(Button.class).withClassName("acknowledge-button").single()).click();

        long flagId = test(grid()).getRow(0).id();
        colleague.login();
        service.resolve(colleague.caller(), flagId, Outcome.REFERRED, FlagAction.SENT_TO_EMERGENCY_CARE, "sent to A&E");
        clinician.login();
        test($(Button.class).withClassName("confirm-acknowledge").single()).click();

        Notification refused = $(Notification.class).withClassName("flag-conflict").single();
        assertThat(test(refused).getText()).contains("resolved already");
        FlagView flag = service.get(clinician.caller(), flagId);
        assertThat(flag.status()).isEqualTo(FlagStatus.RESOLVED);
        assertThat(flag.acknowledgedBy()).isEqualTo(colleague.displayName());
        assertThat($(Button.class).withClassName("acknowledge-button").exists()).isFalse();
    }

    @Test
    void a_new_urgent_flag_appears_in_the_open_inbox_with_a_notification_without_navigating() {
        openInbox();
        assertThat(test(grid()).size()).isZero();
        assertThat(badge()).isEqualTo("0");

        checkIns.record(clinic, patient, TODAY, c -> c.bladder()); // the patient checks in elsewhere

        pollUntil(() -> $(Notification.class).withClassName("flag-alert").exists());
        Notification alert = $(Notification.class).withClassName("flag-alert").single();
        assertThat(alert.getElement().getTextRecursively()).contains("New URGENT flag: Cauda equina signs - Mei Chen");
        assertThat(test(grid()).size()).isEqualTo(1);
        assertThat(badge()).isEqualTo("1");
    }

    @Test
    void the_patient_timeline_shows_every_flag_and_refuses_other_care_teams() {
        raise("2026-11-29T08:00:00Z", c -> c.fever());
        clinician.login();
        service.resolve(clinician.caller(), service.ofPatient(clinician.caller(), patient, null, 0, 1).items()
                .getFirst().id(), Outcome.NO_ACTION_NEEDED, FlagAction.CALLED_PATIENT, "viral, settled");
        raise("2026-11-29T09:00:00Z", c -> c.fever());

        navigate("patients/" + patient + "/flags", PatientFlagsView.class);
        assertThat($(FlagCard.class).all()).hasSize(2);
        assertThat($(FlagCard.class).first().getClassNames()).contains("flag-open");
        assertThat($(FlagCard.class).last().getElement().getTextRecursively())
                .contains("No action needed", clinician.displayName());

        TestData.User stranger = data.staff(clinic, Role.CLINICIAN);
        stranger.login();
        navigate("patients/" + patient + "/flags", com.walkrx.base.ui.RecordNotFoundView.class);
        assertThat($(FlagCard.class).exists()).isFalse();
        assertThat($(FlagTimeline.class).exists()).isFalse();
    }

    /** Lets pushed updates from other threads run, until the condition holds or 10 s pass. */
    private void pollUntil(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            roundTrip();
            if (condition.getAsBoolean()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the page did not update within 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
