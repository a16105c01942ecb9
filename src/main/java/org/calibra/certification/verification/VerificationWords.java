package org.calibra.certification.verification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.calibra.certification.CertificateRecord;
import org.calibra.certification.VerificationReport;
import org.calibra.certification.credential.Verification.Outcome;

/**
 * What a verification found, in a verifier's words — the one place that turns an outcome into words, shared by the
 * verification pages, the bulk report and the API, so no outcome code ever reaches a person and the page and the CSV
 * never disagree.
 */
public final class VerificationWords {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private VerificationWords() {
    }

    /** The outcome in a word or two ("Valid", "Revoked", "Not a credential"). */
    public static String word(Outcome outcome) {
        if (outcome == null) {
            return "Not checked";
        }
        return switch (outcome) {
            case VALID -> "Valid";
            case EXPIRED -> "Expired";
            case NOT_YET_VALID -> "Not yet valid";
            case REVOKED -> "Revoked";
            case SUSPENDED -> "Suspended";
            case NOT_FOUND -> "Not found";
            case TAMPERED -> "Tampered";
            case UNKNOWN_ISSUER -> "Unknown issuer";
            case UNKNOWN_KEY -> "Unknown signing key";
            case MALFORMED -> "Not a credential";
        };
    }

    /** One sentence saying what the outcome means for the person relying on the certificate. */
    public static String sentence(VerificationReport report) {
        CertificateRecord c = report.certificate();
        String issuer = c == null ? "The issuer" : c.issuerName();
        return switch (report.outcome()) {
            case VALID -> "Genuine and in force: signed by " + issuer + ", not revoked or suspended, and within its validity period.";
            case EXPIRED -> c == null ? "Genuine, but it has expired." : "Genuine, but it expired on " + date(c.expiresAt()) + ".";
            case NOT_YET_VALID -> c == null ? "Genuine, but not valid yet." : "Genuine, but not valid before " + date(c.issuedAt()) + ".";
            case REVOKED -> "Genuine, but " + issuer + " revoked it" + (c == null || c.revokedAt() == null ? "" : " on " + date(c.revokedAt()))
                    + ": do not rely on it." + reason(report);
            case SUSPENDED -> "Genuine, but " + issuer + " has suspended it for now" + (c == null || c.suspendedAt() == null ? ""
                    : " (since " + date(c.suspendedAt()) + ")") + ": do not rely on it until it is reinstated." + reason(report);
            case NOT_FOUND -> report.credentialId() != null
                    ? "Signed by this issuer, but no such certificate is on record here: ask the issuer about it."
                    : "No certificate has this ID here: check the ID, or ask the holder for the link.";
            case TAMPERED -> "Changed or damaged since it was signed: what it says cannot be relied on.";
            case UNKNOWN_ISSUER -> "Not issued by this institution's Calibra, so it cannot be checked here: ask the institution that issued it.";
            case UNKNOWN_KEY -> "Claims to come from this issuer, but is signed with a key the issuer never published: do not rely on it.";
            case MALFORMED -> "Not a signed Calibra credential: a credential file (.jwt) holds three parts separated by dots.";
        };
    }

    /** The administrator's reason for a revocation or suspension, as a sentence to append; empty when there is none. */
    private static String reason(VerificationReport report) {
        return report.statusReason() == null || report.statusReason().isBlank() ? "" : " Reason given: " + report.statusReason().strip()
                + (report.statusReason().strip().matches(".*[.!?]$") ? "" : ".");
    }

    /**
     * What the check established, one line each, for a genuine credential: signature, status, dates, to whom for what.
     * Empty when the signature did not hold or the certificate is not on record (then nothing in it is presented as fact).
     */
    public static List<String> whatWasChecked(VerificationReport report) {
        CertificateRecord c = report.certificate();
        if (c == null || !report.outcome().genuine()) {
            return List.of();
        }
        var lines = new ArrayList<String>();
        lines.add("Signature: made with one of " + c.issuerName() + "'s published signing keys; nothing in the credential has changed since.");
        lines.add(switch (report.outcome()) {
            case REVOKED -> "Status: revoked by the issuer" + (c.revokedAt() == null ? "" : " on " + date(c.revokedAt())) + "." + reason(report);
            case SUSPENDED -> "Status: suspended by the issuer" + (c.suspendedAt() == null ? "" : " since " + date(c.suspendedAt())) + "."
                    + reason(report);
            default -> "Status: neither revoked nor suspended, according to the issuer's status list, checked just now.";
        });
        lines.add(switch (report.outcome()) {
            case EXPIRED -> "Dates: issued on " + date(c.issuedAt()) + "; expired on " + date(c.expiresAt()) + ".";
            case NOT_YET_VALID -> "Dates: valid only from " + date(c.issuedAt()) + " until " + date(c.expiresAt()) + ".";
            default -> "Dates: issued on " + date(c.issuedAt()) + "; valid until " + date(c.expiresAt()) + ".";
        });
        lines.add("Issued to " + c.holderName() + " for \u201C" + c.title() + "\u201D.");
        return lines;
    }

    /**
     * How much evidence stands behind the certificate, in one sentence: modules passed, cases read, the thresholds each
     * was held to, and the curriculum version(s) — e.g. "2 modules passed, 12 cases read in all, each module within its
     * required thresholds (4 in all); decided under curriculum version 1."
     */
    public static String evidenceSummary(CertificateRecord c) {
        if (c == null || c.evidence() == null || c.evidence().isEmpty()) {
            return "";
        }
        int modules = c.evidence().size();
        int cases = c.evidence().stream().mapToInt(CertificateRecord.ModuleEvidence::casesRead).sum();
        int thresholds = c.evidence().stream().mapToInt(e -> e.thresholds() == null ? 0 : e.thresholds().size()).sum();
        var versions = new TreeSet<Integer>();
        c.evidence().stream().map(CertificateRecord.ModuleEvidence::curriculumVersion).filter(Objects::nonNull).forEach(versions::add);
        var out = new StringBuilder();
        out.append(count(modules, "module")).append(" passed, ").append(count(cases, "case")).append(" read in all");
        if (thresholds > 0) {
            out.append(modules == 1 ? ", within its " + count(thresholds, "required threshold")
                    : ", each module within its required thresholds (" + thresholds + " in all)");
        }
        if (!versions.isEmpty()) {
            out.append("; decided under curriculum version").append(versions.size() == 1 ? " " : "s ").append(join(versions.stream().map(String::valueOf).toList()));
        }
        return out.append('.').toString();
    }

    /** One module's figures: "First reads with a concurrent AI: 6 cases read; sensitivity …; specificity …; required …". */
    public static String moduleEvidence(CertificateRecord.ModuleEvidence e) {
        return e.module() + ": " + count(e.casesRead(), "case") + " read; sensitivity " + e.sensitivity() + "; specificity " + e.specificity()
                + (e.thresholds() == null || e.thresholds().isEmpty() ? "" : "; required and met: " + String.join(", ", e.thresholds()))
                + (e.curriculumVersion() == null ? "" : "; curriculum version " + e.curriculumVersion()) + ".";
    }

    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String join(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
