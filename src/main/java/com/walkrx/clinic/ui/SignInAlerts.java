package com.walkrx.clinic.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditEntry;
import com.walkrx.audit.AuditFilter;
import com.walkrx.audit.AuditService;
import com.walkrx.base.security.Caller;
import java.time.ZoneId;
import com.walkrx.base.ui.Dates;
import java.util.List;

/** The admin's list of accounts with repeated failed logins in the last 30 days (from the audit trail). */
class SignInAlerts extends Section {

    final Grid<AuditEntry> grid = new Grid<>();

    SignInAlerts(AuditService audit, Caller caller, ZoneId zone) {
        addClassName("sign-in-alerts");
        setId("sign-in-alerts");
        List<AuditEntry> alerts = audit.search(caller, new AuditFilter(null, null,
                AuditAction.REPEATED_LOGIN_FAILURES, audit.today(caller).minusDays(30), audit.today(caller)), 0, 50);
        Paragraph hint = new Paragraph("Accounts with many failed logins: someone may be guessing a password. The "
                + "owner can still log in from addresses they used recently. If you do not recognise the addresses, "
                + "ask the person to change their password, or reset it on the Staff page.");
        hint.addClassName("hint");
        add(new H3("Sign-in alerts"), hint);
        if (alerts.isEmpty()) {
            Paragraph none = new Paragraph("No repeated failed logins in the last 30 days.");
            none.addClassName("no-alerts");
            add(none);
            return;
        }
        grid.addColumn(e -> Dates.dateTime(e.at(), zone)).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::username).setHeader("Account").setAutoWidth(true);
        grid.addColumn(e -> Dates.inText(e.detail())).setHeader("What happened").setFlexGrow(1);
        grid.setItems(alerts);
        grid.setAllRowsVisible(true);
        add(grid);
    }
}
