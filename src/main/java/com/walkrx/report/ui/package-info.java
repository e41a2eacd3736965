/**
 * The report module's components for other screens: {@link com.walkrx.report.ui.ExportLinks} on the patient chart
 * and {@link com.walkrx.report.ui.CaseloadExportLink} on the caseload.
 */
@org.springframework.modulith.NamedInterface("ui")
package com.walkrx.report.ui;
