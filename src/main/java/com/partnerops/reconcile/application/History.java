package com.partnerops.reconcile.application;

import com.partnerops.reconcile.apply.AuditHistory;
import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.state.Directory;
import java.util.List;
import org.springframework.stereotype.Component;

/** The history use case: the applied changes a query asks for, from the append-only audit log. */
@Component
public class History {

    private final Directory directory;
    private final AuditHistory auditHistory;

    public History(Directory directory, AuditHistory auditHistory) {
        this.directory = directory;
        this.auditHistory = auditHistory;
    }

    /** A customer named by domain or name is looked up; one the store does not know is matched as a tenant id. */
    public HistoryPage find(HistoryQuery query) {
        String tenantId = query.customer() == null ? null : directory.findCustomer(query.customer())
                .map(Customer::tenantId).orElse(query.customer());
        List<AuditHistory.Entry> entries = auditHistory.find(tenantId, query.userPrincipalName(), query.planId(),
                query.limit() + 1);
        return new HistoryPage(entries.subList(0, Math.min(query.limit(), entries.size())),
                entries.size() > query.limit());
    }
}
