package com.partnerops.reconcile.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The first {@value #LIMIT} rows of the given statuses for the HTML page, and a count of the rest, in bounded memory. */
final class RowSample {

    static final int LIMIT = 200;

    private final Set<String> statuses;
    private final List<ReportRow> rows = new ArrayList<>();
    private long more;

    RowSample(Set<String> statuses) {
        this.statuses = statuses;
    }

    void offer(ReportRow row) {
        if (!statuses.contains(row.status())) {
            return;
        }
        if (rows.size() < LIMIT) {
            rows.add(row);
        } else {
            more++;
        }
    }

    List<ReportRow> rows() {
        return rows;
    }

    /** Matching rows seen beyond the first {@value #LIMIT}. */
    long more() {
        return more;
    }
}
