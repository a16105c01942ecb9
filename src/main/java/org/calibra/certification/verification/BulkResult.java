package org.calibra.certification.verification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.calibra.certification.VerificationReport;

/** A bulk run's rows, in the order given, and when it was checked. */
public record BulkResult(List<Row> rows, Instant checkedAt) {

    /** One item: where it came from, what it was, and either its report or the error that kept it from being checked. */
    public record Row(String source, String given, VerificationReport report, String error) {

        /** The status in words: "Valid", "Revoked", … or "Not checked" for an item that was not a certificate ID, link or credential. */
        public String status() {
            return report == null ? "Not checked" : VerificationWords.word(report.outcome());
        }

        /** What the status means (for a checked item) or what was wrong with the item (for one not checked). */
        public String details() {
            return report == null ? error : VerificationWords.sentence(report);
        }
    }

    /** "12 items: 9 valid, 2 revoked, 1 not checked" — counts in the order the statuses first appear. */
    public String summary() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        var parts = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().toLowerCase(java.util.Locale.ROOT)).toList();
        return rows.size() + (rows.size() == 1 ? " item" : " items") + " checked: " + String.join(", ", parts) + ".";
    }
}
