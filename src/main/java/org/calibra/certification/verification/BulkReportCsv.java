package org.calibra.certification.verification;

import static org.calibra.shared.CsvWriter.text;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.calibra.shared.CsvWriter;

/**
 * A bulk run as CSV for the verifier's records ({@link CsvWriter}: RFC 4180): a header row in words, then one row per item
 * in the order given. Dates are ISO dates (sortable in any spreadsheet), everything else words. Every text cell goes
 * through {@link CsvWriter#text}: the items are whatever was pasted.
 */
public final class BulkReportCsv {

    public static final List<String> HEADER = List.of("Line or file", "Item as given", "Status", "Holder", "Certificate", "Certificate ID",
            "Issued by", "Issued", "Expires", "Revoked or suspended on", "Reason given by the issuer", "Evidence", "Details", "Checked at");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private BulkReportCsv() {
    }

    public static String write(BulkResult result) {
        var out = new CsvWriter().row(HEADER);
        String checkedAt = TIME.format(result.checkedAt());
        for (var row : result.rows()) {
            var report = row.report();
            var c = report == null ? null : report.certificate();
            String changed = c == null ? "" : c.revokedAt() != null ? DAY.format(c.revokedAt()) : c.suspendedAt() != null ? DAY.format(c.suspendedAt()) : "";
            out.row(List.of(text(row.source()), text(row.given()), row.status(), c == null ? "" : text(c.holderName()), c == null ? "" : text(c.title()),
                    report == null || report.publicId() == null ? "" : text(report.publicId()), c == null ? "" : text(c.issuerName()),
                    c == null ? "" : DAY.format(c.issuedAt()), c == null ? "" : DAY.format(c.expiresAt()), changed,
                    report == null || report.statusReason() == null ? "" : text(report.statusReason()),
                    c == null ? "" : text(VerificationWords.evidenceSummary(c)), text(row.details()), checkedAt));
        }
        return out.toString();
    }
}
