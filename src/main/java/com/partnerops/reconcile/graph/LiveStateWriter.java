package com.partnerops.reconcile.graph;

import com.partnerops.reconcile.state.CustomerSources;
import com.partnerops.reconcile.state.SeatHistory;
import com.partnerops.reconcile.state.SnapshotStaging;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a customer read live the way a snapshot import stores one: staged, then its old state replaced in one
 * transaction ({@link SnapshotStaging}), with its source, read time and seat history. The staging tables are
 * shared, so one customer at a time; reads go on meanwhile.
 */
@Component
class LiveStateWriter {

    private final SnapshotStaging staging;
    private final CustomerSources sources;
    private final SeatHistory seatHistory;
    private final TransactionTemplate transaction;

    LiveStateWriter(SnapshotStaging staging, CustomerSources sources, SeatHistory seatHistory,
            PlatformTransactionManager tx) {
        this.staging = staging;
        this.sources = sources;
        this.seatHistory = seatHistory;
        this.transaction = new TransactionTemplate(tx);
    }

    synchronized void store(ReadCustomer read) {
        transaction.executeWithoutResult(status -> {
            staging.clear();
            staging.insertCustomers(List.of(read.customer()));
            staging.insertSubscriptions(read.subscriptions());
            staging.insertRelationships(read.relationships());
            staging.insertUsers(read.users());
            staging.replaceStagedCustomers();
            sources.recordStaged(CustomerSources.GRAPH, read.readAt());
            seatHistory.recordStagedImport(read.readAt());
            staging.clear();
        });
    }

    synchronized void markNotRefreshed(String tenantId, String reason, Instant at) {
        transaction.executeWithoutResult(status -> sources.markNotRefreshed(tenantId, reason, at));
    }
}
