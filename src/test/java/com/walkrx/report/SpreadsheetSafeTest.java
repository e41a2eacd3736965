package com.walkrx.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cells a spreadsheet would evaluate get a leading apostrophe; everything else stays as it is. */
class SpreadsheetSafeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "=HYPERLINK(\"http://x\",\"y\")|'=HYPERLINK(\"http://x\",\"y\")",
            "+1 555 0100|'+1 555 0100",
            "-2+3|'-2+3",
            "@SUM(A1)|'@SUM(A1)",
            "felt better = less pain|felt better = less pain",
            "walked 10 min|walked 10 min",
            "5|5",
            "'quoted|'quoted"})
    void cells_that_begin_with_a_formula_character_are_neutralised(String cell, String expected) {
        assertThat(SpreadsheetSafe.cell(cell)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void tab_carriage_return_empty_and_null() {
        assertThat(SpreadsheetSafe.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetSafe.cell("\r=1")).isEqualTo("'\r=1");
        assertThat(SpreadsheetSafe.cell("")).isEmpty();
        assertThat(SpreadsheetSafe.cell(null)).isEmpty();
        assertThat(SpreadsheetSafe.cell(42)).isEqualTo("42");
    }
}
