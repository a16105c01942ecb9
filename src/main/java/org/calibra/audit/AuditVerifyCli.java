package org.calibra.audit;

import java.io.PrintStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code ./calibra audit-verify [JDBC-URL [USER [PASSWORD]]]}: verifies the audit chain straight from the database,
 * without the app (default: the embedded H2 under ./data — stop the app first, H2 allows one process; PostgreSQL can
 * be checked while the app runs). Exit status 0 = intact, 1 = broken, 2 = could not check.
 */
public final class AuditVerifyCli {

    private AuditVerifyCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String url = args.length > 0 ? args[0] : "jdbc:h2:file:./data/db/calibra;AUTO_SERVER=FALSE";
        String user = args.length > 1 ? args[1] : System.getenv().getOrDefault("CALIBRA_DB_USER", "sa");
        String password = args.length > 2 ? args[2] : System.getenv().getOrDefault("CALIBRA_DB_PASSWORD", "");
        try {
            var verification = new AuditChain(new JdbcTemplate(new DriverManagerDataSource(url, user, password))).verifyUnchecked();
            if (verification.intact()) {
                out.printf("audit chain intact: %d entries verified%n", verification.entriesChecked());
                return 0;
            }
            out.printf("audit chain BROKEN at entry %d: %s (%d entries before it verified)%n", verification.firstBrokenSeq(),
                    verification.problem(), verification.entriesChecked());
            return 1;
        } catch (RuntimeException e) {
            err.println("could not verify the audit chain at " + url + ": " + e.getMessage());
            return 2;
        }
    }
}
