package org.calibra.certification.verification;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A bulk run as CSV for the verifier's records (RFC 4180: comma-separated, CRLF line ends, a cell quoted when it holds a
 * comma, quote or line break): a header row in words, then one row per item in the order given. Dates are ISO dates
 * (sortable in any spreadsheet), everything else words. A cell a spreadsheet would take for a formula is prefixed
 * with an apostrophe: the items are whatever was pasted.
 */
public final class BulkReportCsv {

    public static final List<String> HEADER = List.of("Line or file", "Item as given", "Status", "Holder", "Certificate", "Certificate ID",
            "Issued by", "Issued", "Expires", "Revoked or suspended on", "Reason given by the issuer", "Evidence", "Details", "Checked at");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private BulkReportCsv() {
    }

    public static String write(BulkResult result) {
        var out = new StringBuilder();
        line(out, HEADER);
        String checkedAt = TIME.format(result.checkedAt());
        for (var row : result.rows()) {
            var report = row.report();
            var c = report == null ? null : report.certificate();
            String changed = c == null ? "" : c.revokedAt() != null ? DAY.format(c.revokedAt()) : c.suspendedAt() != null ? DAY.format(c.suspendedAt()) : "";
            line(out, List.of(text(row.source()), text(row.given()), row.status(), c == null ? "" : text(c.holderName()), c == null ? "" : text(c.title()),
                    report == null || report.publicId() == null ? "" : text(report.publicId()), c == null ? "" : text(c.issuerName()),
                    c == null ? "" : DAY.format(c.issuedAt()), c == null ? "" : DAY.format(c.expiresAt()), changed,
                    report == null || report.statusReason() == null ? "" : text(report.statusReason()),
                    c == null ? "" : text(VerificationWords.evidenceSummary(c)), text(row.details()), checkedAt));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(String.join(",", cells.stream().map(BulkReportCsv::quoted).toList())).append("\r\n");
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
