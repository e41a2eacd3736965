package com.walkrx.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Renders the progress report to PDF with openhtmltopdf: the XHTML of {@link ProgressReportHtml}, the shipped
 * DejaVu Sans (regular and bold, embedded as subsets), and the pain chart drawn as vectors.
 */
final class ProgressReportPdf {

    static final String FONT_REGULAR = "/report/fonts/DejaVuSans.ttf";
    static final String FONT_BOLD = "/report/fonts/DejaVuSans-Bold.ttf";
    private static final String CSS = resource("/report/progress-report.css");

    private ProgressReportPdf() {
    }

    static void render(ReportFacts facts, OutputStream out) throws IOException {
        String html = ProgressReportHtml.render(facts, CSS);
        LocalDateRange range = LocalDateRange.of(facts);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> ProgressReportPdf.class.getResourceAsStream(FONT_REGULAR), "DejaVu Sans", 400,
                FontStyle.NORMAL, true);
        builder.useFont(() -> ProgressReportPdf.class.getResourceAsStream(FONT_BOLD), "DejaVu Sans", 700,
                FontStyle.NORMAL, true);
        builder.useObjectDrawerFactory(new PainChartDrawer(facts.dailyPain(), facts.pain(), range.from(), range.to(),
                facts.zone()));
        builder.withHtmlContent(html, null);
        builder.withProducer("WalkRx");
        builder.toStream(out);
        builder.run();
    }

    /** The chart's range: from the therapy start (or the first score) to today. */
    record LocalDateRange(java.time.LocalDate from, java.time.LocalDate to) {
        static LocalDateRange of(ReportFacts facts) {
            java.time.LocalDate first = facts.dailyPain().isEmpty() ? facts.today() : facts.dailyPain().getFirst().date();
            java.time.LocalDate start = facts.episode().therapyStart();
            java.time.LocalDate from = start != null && start.isBefore(first) ? start : first;
            if (from.isAfter(facts.today().minusDays(13))) {
                from = facts.today().minusDays(13);
            }
            return new LocalDateRange(from, facts.today());
        }
    }

    private static String resource(String path) {
        try (InputStream in = ProgressReportPdf.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
