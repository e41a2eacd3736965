package com.walkrx.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.sidenav.SideNavItem;
import com.walkrx.base.security.Role;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The side navigation shows each role only what it may open. */
@WalkRxTest
class MainLayoutTest extends BrowserlessTest {

    @Test
    void a_clinician_sees_clinician_pages_and_not_the_patient_pages() {
        long clinic = data.clinic();
        data.staff(clinic, Role.CLINICIAN).login();
        navigate("caseload", com.walkrx.dashboard.ui.CaseloadView.class);
        List<String> items = $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
        assertThat(items).contains("Caseload").doesNotContain("Today");
    }

    @Test
    void a_patient_sees_only_patient_pages() {
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, clinician);
        data.patientUser(clinic, patient).login();
        navigate("today", com.walkrx.plan.ui.TodayView.class);
        List<String> items = $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
        assertThat(items).contains("Today").doesNotContain("Caseload");
    }
}
