package com.partnerops.reconcile.application;

import com.partnerops.reconcile.apply.AuditHistory;
import java.util.List;

/**
 * What the audit log holds for a {@link HistoryQuery}: at most its limit of entries, newest first.
 *
 * @param olderExist more entries match than the limit let through
 */
public record HistoryPage(List<AuditHistory.Entry> entries, boolean olderExist) {

    public HistoryPage {
        entries = List.copyOf(entries);
    }
}
