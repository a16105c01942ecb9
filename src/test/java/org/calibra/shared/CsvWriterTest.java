package org.calibra.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void plain_cells_are_written_as_given_with_a_crlf_after_every_record() {
        String csv = new CsvWriter().row(List.of("Case", "Times read")).row(List.of("Chest", "3")).toString();

        assertThat(csv).isEqualTo("Case,Times read\r\nChest,3\r\n");
    }

    @Test
    void a_cell_with_a_comma_quote_cr_or_lf_is_quoted_and_its_quotes_doubled() {
        String csv = new CsvWriter().row(List.of("a,b", "say \"no\"", "two\nlines", "cr\ronly", "\"")).toString();

        assertThat(csv).isEqualTo("\"a,b\",\"say \"\"no\"\"\",\"two\nlines\",\"cr\ronly\",\"\"\"\"\r\n");
    }

    @Test
    void null_and_empty_cells_are_empty_and_an_empty_record_is_just_its_line_end() {
        assertThat(new CsvWriter().row(Arrays.asList("x", null, "")).toString()).isEqualTo("x,,\r\n");
        assertThat(new CsvWriter().row(List.of()).toString()).isEqualTo("\r\n");
        assertThat(CsvWriter.text(null)).isEmpty();
        assertThat(CsvWriter.text("")).isEmpty();
    }

    @Test
    void text_that_a_spreadsheet_would_run_as_a_formula_is_prefixed_with_an_apostrophe() {
        for (String hostile : List.of("=1+1", "+SUM(A1)", "-2+3", "@SUM(1)", "\t=cmd", "\r=cmd", "=HYPERLINK(\"http://x\",\"click\")",
                "-")) {
            assertThat(CsvWriter.text(hostile)).as(hostile).isEqualTo("'" + hostile);
        }
        assertThat(CsvWriter.text("Dr. Rosa Resident")).isEqualTo("Dr. Rosa Resident");
        assertThat(CsvWriter.text("a=b")).as("only a formula's first character counts").isEqualTo("a=b");
        assertThat(CsvWriter.text(" =x")).as("a leading space is text to Excel and LibreOffice").isEqualTo(" =x");
    }

    @Test
    void hostile_text_survives_quoting_whole_and_stays_one_cell_of_one_record() {
        String hostile = "=cmd|' /C calc'!A0,\"\r\n,=1";

        String csv = new CsvWriter().row(List.of(CsvWriter.text(hostile), "next")).toString();

        assertThat(csv).isEqualTo("\"'=cmd|' /C calc'!A0,\"\"\r\n,=1\",next\r\n");
        assertThat(parse(csv)).containsExactly(List.of("'" + hostile, "next"));
    }

    @Test
    void figures_we_format_ourselves_are_not_touched_so_spreadsheets_still_read_them_as_numbers() {
        assertThat(new CsvWriter().row(List.of("-0.2500", "2026-12-05")).toString()).isEqualTo("-0.2500,2026-12-05\r\n");
    }

    /** A strict RFC 4180 reader, enough to check that what is written reads back as the same cells. */
    private static List<List<String>> parse(String csv) {
        var records = new java.util.ArrayList<List<String>>();
        var record = new java.util.ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new java.util.ArrayList<>();
                i++;
            } else {
                cell.append(ch);
            }
        }
        return records;
    }
}
