package com.walkrx.report.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Caller;
import com.walkrx.report.Export;
import com.walkrx.report.ExportService;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * The patient chart's downloads: progress report (PDF), check-ins (CSV) and FHIR Bundle. Each click asks
 * {@link ExportService}, so each download is checked and audited on its own; the links show only to a clinician
 * (the exports are for the care team).
 */
@StyleSheet("styles/report.css")
public class ExportLinks extends Div {

    public ExportLinks(ExportService exports, Caller caller, long patientId) {
        addClassName("export-links");
        setVisible(caller.isClinician());
        Span label = new Span("Export");
        label.addClassName("export-label");
        add(label,
                link("Progress report (PDF)", "export-pdf", () -> exports.progressReport(caller, patientId)),
                link("Check-ins (CSV)", "export-csv", () -> exports.checkInsCsv(caller, patientId)),
                link("FHIR R4 Bundle", "export-fhir", () -> exports.fhirBundle(caller, patientId)));
    }

    /** A download link whose handler produces the export when clicked. */
    static Anchor link(String text, String className, Supplier<Export> export) {
        Anchor anchor = new Anchor(handler(export), text);
        anchor.addClassName(className);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    static DownloadHandler handler(Supplier<Export> export) {
        return (DownloadEvent event) -> {
            Export e;
            try {
                e = export.get();
            } catch (NotFoundException notFound) {
                event.getResponse().setStatus(404);
                return;
            }
            event.setFileName(e.fileName());
            event.setContentType(e.mediaType());
            event.getResponse().setHeader("Cache-Control", "no-store");
            try (OutputStream out = event.getOutputStream()) {
                e.body().writeTo(out);
            } catch (IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
        };
    }
}
