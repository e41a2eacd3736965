package com.walkrx.report.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.walkrx.base.security.Caller;
import com.walkrx.report.ExportService;

/** "Download caseload (CSV)": the admin's clinic, or the clinician's own care teams, one row per patient. */
@StyleSheet("styles/report.css")
public class CaseloadExportLink extends Anchor {

    public CaseloadExportLink(ExportService exports, Caller caller) {
        setHref(ExportLinks.handler(() -> exports.caseloadCsv(caller)));
        setText(caller.isAdmin() ? "Download the clinic's caseload (CSV)" : "Download my caseload (CSV)");
        addClassName("export-caseload");
        getElement().setAttribute("download", true);
    }
}
