package org.calibra.certification.verification;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.calibra.certification.CheckedCredential;
import org.calibra.certification.credential.Verification.Outcome;

/**
 * What a verifier narrowed their list of checks to: words found in the holder's name, the certificate's title (its
 * curriculum) or the certificate ID; the result when checked and the status now; checked on or after {@code from} and
 * on or before {@code to} (UTC days, either may be open). Null or blank: no limit. Kept apart from the page so the rules
 * are tested without a browser.
 */
public record CheckFilter(String text, Outcome then, Outcome now, LocalDate from, LocalDate to) implements Predicate<CheckedCredential> {

    public static final CheckFilter NONE = new CheckFilter("", null, null, null, null);

    /** Newest check first, as the list opens. */
    public static final Comparator<CheckedCredential> NEWEST_FIRST = Comparator.comparing(CheckedCredential::checkedAt).reversed();

    @Override
    public boolean test(CheckedCredential c) {
        return matchesText(c) && (then == null || c.outcomeThenKnown() == then) && (now == null || c.outcomeNow() == now)
                && (from == null || !day(c).isBefore(from)) && (to == null || !day(c).isAfter(to));
    }

    /** The checks that pass, newest first. */
    public List<CheckedCredential> apply(List<CheckedCredential> checks) {
        return checks.stream().filter(this).sorted(NEWEST_FIRST).toList();
    }

    /** True when nothing is narrowed: every check passes. */
    public boolean isEmpty() {
        return folded(text).isEmpty() && then == null && now == null && from == null && to == null;
    }

    /** Dates the wrong way round: nothing could pass, and the page says so rather than showing an empty list. */
    public boolean datesReversed() {
        return from != null && to != null && from.isAfter(to);
    }

    public CheckFilter withText(String t) { return new CheckFilter(t, then, now, from, to); }
    public CheckFilter withThen(Outcome o) { return new CheckFilter(text, o, now, from, to); }
    public CheckFilter withNow(Outcome o) { return new CheckFilter(text, then, o, from, to); }
    public CheckFilter withFrom(LocalDate d) { return new CheckFilter(text, then, now, d, to); }
    public CheckFilter withTo(LocalDate d) { return new CheckFilter(text, then, now, from, d); }

    private boolean matchesText(CheckedCredential c) {
        String needle = folded(text);
        return needle.isEmpty() || Stream.of(c.holderName(), c.title(), c.publicId()).anyMatch(s -> folded(s).contains(needle));
    }

    private static LocalDate day(CheckedCredential c) {
        return c.checkedAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Lower case without accents, so "jose" finds "José" and "MULLER" finds "Müller". */
    static String folded(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
