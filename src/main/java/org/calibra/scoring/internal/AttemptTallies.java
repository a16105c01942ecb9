package org.calibra.scoring.internal;

import java.util.Optional;
import org.calibra.scoring.domain.AttemptTally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The attempt_tally rows (V20, ADR 0028). Additions are one UPDATE of x = x + change each, atomic in the database: two
 * reads of one attempt committed at once both count, whatever order their transactions run in.
 */
@Repository
public class AttemptTallies {

    private final JdbcTemplate jdbc;

    AttemptTallies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the change to the attempt's sums; false when the attempt has no row yet (nothing is written then). */
    public boolean add(long attemptId, AttemptTally d) {
        return jdbc.update("update attempt_tally set true_positives = true_positives + ?, false_negatives = false_negatives + ?, "
                + "true_negatives = true_negatives + ?, false_positives = false_positives + ?, lesions = lesions + ?, "
                + "lesions_found = lesions_found + ?, non_lesion_marks = non_lesion_marks + ?, final_reads = final_reads + ? where attempt_id = ?",
                d.truePositives(), d.falseNegatives(), d.trueNegatives(), d.falsePositives(), d.lesions(), d.lesionsFound(), d.nonLesionMarks(),
                d.finalReads(), attemptId) == 1;
    }

    /** The first row of an attempt, its sums computed from scratch. */
    public void insert(long attemptId, AttemptTally t) {
        jdbc.update("insert into attempt_tally (attempt_id, true_positives, false_negatives, true_negatives, false_positives, lesions, "
                + "lesions_found, non_lesion_marks, final_reads) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", attemptId, t.truePositives(),
                t.falseNegatives(), t.trueNegatives(), t.falsePositives(), t.lesions(), t.lesionsFound(), t.nonLesionMarks(), t.finalReads());
    }

    public Optional<AttemptTally> find(long attemptId) {
        return jdbc.query("select true_positives, false_negatives, true_negatives, false_positives, lesions, lesions_found, non_lesion_marks, "
                + "final_reads from attempt_tally where attempt_id = ?", (rs, i) -> new AttemptTally(rs.getInt(1), rs.getInt(2), rs.getInt(3),
                rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)), attemptId).stream().findFirst();
    }
}
