package com.walkrx.report;

/**
 * Neutralises spreadsheet formula injection (OWASP "CSV Injection"): a cell that begins with {@code = + - @}, a tab
 * or a carriage return is read as a formula by Excel, LibreOffice and Google Sheets, so it gets a leading
 * apostrophe, which they show as text and do not evaluate.
 */
final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
