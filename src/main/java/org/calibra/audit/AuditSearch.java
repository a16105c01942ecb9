package org.calibra.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's search of the audit trail, a page at a time: text, kind of event, person and a date range (UTC days),
 * newest or oldest first. Read-only; the trail itself is written only by {@link AuditLog#append}.
 */
@Service
public class AuditSearch {

    /** Kinds of event as the admin thinks of them; each is a condition on the recorded action. */
    public enum Kind {
        SIGN_IN("Sign-ins and sign-outs", "action in ('account.login', 'account.login_failed', 'account.locked_out', 'account.logout')"),
        ACCOUNTS("Account changes", "action like 'account.%' and action not in ('account.login', 'account.login_failed', 'account.locked_out',"
                + " 'account.logout', 'account.personal_data_erased')"),
        PERSONAL_DATA("Personal data exported or erased", "(action like 'personal-data.%' or action = 'account.personal_data_erased')"),
        READS("Reads and scores", "action like 'read.%'"),
        PROGRESS("Modules passed and certificates", "(action like 'module.%' or action like 'certificate.%')"),
        CASES("Cases", "action like 'case.%'"),
        CURRICULA("Curricula", "action like 'curriculum.%'"),
        INSTITUTIONS("Institutions", "action like 'institution.%'");

        public final String words;
        final String condition;

        Kind(String words, String condition) {
            this.words = words;
            this.condition = condition;
        }
    }

    /**
     * @param text     found in the action, subject, address or details (case-insensitive), or by one of {@code textPeople}
     * @param personId entries done by or about this account
     * @param from     first UTC day included; {@code to} the last
     */
    public record Filter(String text, Collection<Long> textPeople, Kind kind, Long personId, LocalDate from, LocalDate to) {
        public static final Filter NONE = new Filter(null, List.of(), null, null, null, null);
    }

    private final JdbcTemplate jdbc;

    AuditSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public int count(Filter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        return jdbc.queryForObject("select count(*) from audit_entry" + where, Integer.class, args.toArray());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> page(Filter filter, int offset, int limit, boolean newestFirst) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(Math.max(0, offset));
        args.add(Math.max(1, Math.min(limit, 500)));
        return jdbc.query("select " + AuditLog.COLUMNS + " from audit_entry" + where + " order by seq " + (newestFirst ? "desc" : "asc")
                + " offset ? rows fetch next ? rows only", AuditLog.ROWS, args.toArray());
    }

    static String where(Filter f, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (f.text() != null && !f.text().isBlank()) {
            String like = "%" + f.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            StringBuilder c = new StringBuilder("(lower(action) like ? escape '\\' or lower(coalesce(subject, '')) like ? escape '\\'"
                    + " or lower(details) like ? escape '\\' or coalesce(ip, '') like ? escape '\\'");
            args.addAll(List.of(like, like, like, like));
            for (Long id : f.textPeople() == null ? List.<Long>of() : f.textPeople()) {
                c.append(" or actor_id = ? or subject = ?");
                args.add(id);
                args.add("user:" + id);
            }
            conditions.add(c.append(')').toString());
        }
        if (f.kind() != null) {
            conditions.add(f.kind().condition);
        }
        if (f.personId() != null) {
            conditions.add("(actor_id = ? or subject = ?)");
            args.add(f.personId());
            args.add("user:" + f.personId());
        }
        if (f.from() != null) {
            conditions.add("occurred_at >= ?");
            args.add(f.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            conditions.add("occurred_at < ?");
            args.add(f.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** What a recorded action means, in words ("account.login" → "Signed in"); an action not listed is spelled out. */
    public static String words(String action) {
        String known = WORDS.get(action);
        if (known != null) {
            return known;
        }
        String spelled = action.replace('.', ' ').replace('_', ' ').replace('-', ' ');
        return Character.toUpperCase(spelled.charAt(0)) + spelled.substring(1);
    }

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("account.login", "Signed in"), Map.entry("account.login_failed", "Sign-in failed"),
            Map.entry("account.locked_out", "Account locked after failed sign-ins"), Map.entry("account.logout", "Signed out"),
            Map.entry("account.account_created", "Account created"), Map.entry("account.role_changed", "Role changed"),
            Map.entry("account.institution_changed", "Moved to another institution"),
            Map.entry("account.personal_data_erased", "Personal data erased"), Map.entry("account.invited", "Invitation link issued"),
            Map.entry("account.reset_link_issued", "Password reset link issued"), Map.entry("account.password_set", "Password set with a link"),
            Map.entry("account.unlocked", "Account unlocked"), Map.entry("account.disabled", "Account disabled"),
            Map.entry("account.enabled", "Account enabled"), Map.entry("personal-data.exported", "Personal data exported"),
            Map.entry("institution.created", "Institution created"), Map.entry("institution.renamed", "Institution renamed"),
            Map.entry("read.submitted", "Read submitted"), Map.entry("read.scored", "Read scored"),
            Map.entry("module.passed", "Module passed"), Map.entry("certificate.issued", "Certificate issued"),
            Map.entry("case.draft_created", "Case draft created"), Map.entry("case.sent_for_review", "Case sent for review"),
            Map.entry("case.sent_back", "Case sent back to its author"), Map.entry("case.approved", "Case approved"),
            Map.entry("case.published", "Case published"), Map.entry("case.rejected", "Case rejected"),
            Map.entry("case.draft_discarded", "Case draft discarded"), Map.entry("case.retired", "Case retired"),
            Map.entry("case.unretired", "Case back in use"), Map.entry("curriculum.published", "Curriculum published"));
}
