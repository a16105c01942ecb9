package org.calibra.audit;

/**
 * The result of checking the audit chain.
 *
 * @param firstBrokenSeq the first entry whose hash, link or position is wrong (null when the chain is intact)
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {

    static ChainVerification ok(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    static ChainVerification broken(long checked, long seq, String problem) {
        return new ChainVerification(false, checked, seq, problem);
    }
}
