package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.domain.DesiredUserRow;

/**
 * A desired row on its way to the planner, with the customer it resolved to (null when none matched).
 *
 * @param seq the row's place in the input, file by file; plan rows are ordered by it
 */
public record StagedRow(long seq, String tenantId, DesiredUserRow row) {

    /** Rows of file {@code fileIndex} keep their order, and every file's rows come after the previous file's. */
    public static long seqOf(int fileIndex, int sourceRow) {
        return fileIndex * 1_000_000_000L + sourceRow;
    }
}
