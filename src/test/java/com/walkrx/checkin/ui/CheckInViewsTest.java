package com.walkrx.checkin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.walkrx.base.security.Role;
import com.walkrx.base.ui.RecordNotFoundView;
import com.walkrx.checkin.CheckInCommand;
import com.walkrx.checkin.CheckInService;
import com.walkrx.checkin.PainScore;
import com.walkrx.base.clinical.Surface;
import com.walkrx.checkin.WalkEntry;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The patient's history and the clinician's list of check-ins, without a browser. */
@WalkRxTest
class CheckInViewsTest extends BrowserlessTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    CheckInService checkIns;

    TestData.CareTeam team;

    @BeforeEach
    void setUp() {
        clock.setDate(TODAY);
        team = data.careTeam();
    }

    private void checkIn(LocalDate date, int minutes, String notes) {
        team.patientUser().login();
        checkIns.record(team.patientUser().caller(), new CheckInCommand(date, PainScore.of(3), null,
                List.of(WalkEntry.of(minutes, Surface.FLAT, 4, 3, false)), null, notes), null);
    }

    @Test
    void a_note_with_markup_is_shown_as_text_in_the_history() {
        checkIn(TODAY, 10, SCRIPT);
        team.patientUser().login();
        navigate("history", HistoryView.class);

        Paragraph notes = $(Paragraph.class).withClassName("checkin-notes").single();
        assertThat(notes.getText()).isEqualTo(SCRIPT);
        assertThat(notes.getElement().getChildren()).as("only text, no elements made from the markup")
                .allMatch(com.vaadin.flow.dom.Element::isTextNode);
        assertThat(notes.getElement().getProperty("innerHTML")).isNull();
    }

    @Test
    void the_history_is_paged_newest_first_and_is_in_the_patient_menu() {
        for (int i = 0; i < HistoryView.PAGE_SIZE + 2; i++) {
            checkIn(TODAY.minusDays(i % 8), 5 + i, null);
        }
        team.patientUser().login();
        navigate("history", HistoryView.class);

        assertThat($(SideNavItem.class).all().stream().map(SideNavItem::getLabel)).contains("My check-ins");
        List<CheckInCard> cards = $(CheckInCard.class).all();
        assertThat(cards).hasSize(HistoryView.PAGE_SIZE);
        assertThat(cards.getFirst().getElement().getTextRecursively()).contains("Sunday 29/11/2026");
        assertThat($(Span.class).withClassName("page-position").single().getText()).isEqualTo("Page 1 of 2");
        assertThat($(Button.class).withClassName("page-newer").single().isEnabled()).isFalse();

        test($(Button.class).withClassName("page-older").single()).click();
        assertThat($(CheckInCard.class).all()).hasSize(2);
        assertThat($(Span.class).withClassName("page-position").single().getText()).isEqualTo("Page 2 of 2");
    }

    @Test
    void an_empty_history_says_so() {
        team.patientUser().login();
        navigate("history", HistoryView.class);
        assertThat($(Paragraph.class).withClassName("checkin-empty").single().getText()).startsWith("You have no check-ins yet");
    }

    @Test
    void the_care_team_sees_the_patients_check_ins_with_notes_as_text() {
        checkIn(TODAY.minusDays(1), 20, SCRIPT);
        checkIn(TODAY, 15, "second");
        team.clinician().login();
        navigate("patients/" + team.patient() + "/check-ins", PatientCheckInsView.class);

        assertThat($(H2.class).single().getText()).startsWith("Check-ins of Pat");
        assertThat($(CheckInList.class).exists()).isTrue();
        List<CheckInCard> cards = $(CheckInCard.class).all();
        assertThat(cards).hasSize(2);
        assertThat(cards.getFirst().getElement().getTextRecursively()).contains("Walk: 15 min");
        assertThat($(Paragraph.class).withClassName("checkin-notes").all())
                .extracting(Paragraph::getText).contains(SCRIPT);
    }

    @Test
    void a_clinician_outside_the_care_team_sees_not_found() {
        checkIn(TODAY, 10, "private");
        data.staff(team.clinic(), Role.CLINICIAN).login();
        navigate("patients/" + team.patient() + "/check-ins", RecordNotFoundView.class);

        assertThat($(H2.class).single().getText()).isEqualTo("Not found");
        assertThat($(CheckInCard.class).exists()).isFalse();
        assertThat($(Div.class).withClassName("checkin-list").exists()).isFalse();
    }
}
