package com.walkrx.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.Test;

/** The chart's plan summary says what the plan panel just did, without a reload (issue 20, item 9). */
@WalkRxTest
class ChartStatusRefreshTest extends BrowserlessTest {

    @Test
    void assigning_a_plan_in_the_panel_updates_the_summary_above_it_at_once() {
        TestData.CareTeam team = data.careTeam();
        team.clinician().login();
        navigate("patients/" + team.patient(), PatientChartView.class);
        assertThat(planSlot()).contains("No walking plan yet.");

        test($(Button.class).withClassName("assign-activate").single()).click();

        String summary = planSlot();
        assertThat(summary).doesNotContain("No walking plan yet.").contains("Standard plan since", "Active");
        assertThat($(Paragraph.class).withClassName("plan-line").single().getText()).contains("Active");
    }

    private String planSlot() {
        return $(com.vaadin.flow.component.html.Div.class).withClassName("plan-slot").single().getElement()
                .getTextRecursively();
    }
}
