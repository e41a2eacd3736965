package com.walkrx.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.postgresql.copy.CopyManager;

/** Rows of one table in PostgreSQL's COPY text format, built in memory and sent with one COPY. */
final class CopyTable {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");

    final String table;
    final String columns;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;

    CopyTable(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    void row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            append(values[i]);
        }
        text.append('\n');
        rows++;
    }

    private void append(Object v) {
        switch (v) {
            case null -> text.append("\\N");
            case Boolean b -> text.append(b ? 't' : 'f');
            case Number n -> text.append(n);
            case LocalDate d -> text.append(d);
            case OffsetDateTime t -> text.append(t.withOffsetSameInstant(ZoneOffset.UTC).format(TS));
            default -> {
                String s = v.toString();
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    switch (c) {
                        case '\\' -> text.append("\\\\");
                        case '\t' -> text.append("\\t");
                        case '\n' -> text.append("\\n");
                        case '\r' -> text.append("\\r");
                        default -> text.append(c);
                    }
                }
            }
        }
    }

    int rows() {
        return rows;
    }

    /** The rows as bytes; the table starts empty again. */
    Batch take() {
        Batch b = new Batch(table, columns, text.toString().getBytes(StandardCharsets.UTF_8), rows);
        text.setLength(0);
        rows = 0;
        return b;
    }

    /** Rows ready to COPY into {@code table} or, for the raw baseline, into any table shaped like it. */
    record Batch(String table, String columns, byte[] bytes, int rows) {
        long copyInto(CopyManager copy, String target) throws SQLException, IOException {
            if (rows == 0) {
                return 0;
            }
            return copy.copyIn("copy " + target + " (" + columns + ") from stdin", new ByteArrayInputStream(bytes));
        }
    }
}
