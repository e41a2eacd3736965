package com.walkrx.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The check-in CSV: a header, then one row per walk (a check-in without walks: one row), streamed as read. */
final class CheckInCsv {

    static final String[] HEADER = {"patient_id", "check_in_id", "date", "recorded_at", "overall_pain", "steps",
            "numbness_tingling", "leg_weakness", "both_legs", "saddle_numbness", "bladder_bowel_problems", "fever",
            "unexplained_weight_loss", "new_injury_or_fall", "notes", "walk_number", "walk_minutes", "walk_surface",
            "walk_pain_before", "walk_pain_after", "walk_sharp_pain", "walk_steps"};

    /** UTF-8's byte order mark, so that spreadsheets read the file as UTF-8. */
    static final String BOM = "\uFEFF";

    private CheckInCsv() {
    }

    static CSVFormat format(String... header) {
        return CSVFormat.RFC4180.builder().setHeader(header).get();
    }

    /** Prints one record, every cell neutralised against formula injection. */
    static void print(CSVPrinter csv, Object... values) throws IOException {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = SpreadsheetSafe.cell(values[i]);
        }
        csv.printRecord(cells);
    }

    /** Writes the whole CSV; {@code rows} feeds each row to the consumer it is given. */
    static void write(long patientId, ZoneId zone, OutputStream out, java.util.function.Consumer<java.util.function.Consumer<CheckInRow>> rows)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BOM);
        DateTimeFormatter recorded = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        try (CSVPrinter csv = new CSVPrinter(writer, format(HEADER))) {
            rows.accept(row -> {
                try {
                    print(csv, patientId, row.checkInId(), row.date(), recorded.format(row.recordedAt()),
                            row.overallPain(), row.steps(), row.numbnessTingling(), row.legWeakness(), row.bothLegs(),
                            row.saddleNumbness(), row.bladderBowelProblems(), row.fever(), row.unexplainedWeightLoss(),
                            row.newInjuryOrFall(), row.notes(), row.walkPosition(),
                            row.walkMinutes(), row.walkSurface(), row.painBefore(), row.painAfter(), row.sharpPain(),
                            row.walkSteps());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
