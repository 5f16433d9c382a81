package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.domain.CustomerContext;
import com.partnerops.reconcile.domain.CustomerPlan;
import com.partnerops.reconcile.domain.CustomerPlanner;
import com.partnerops.reconcile.domain.DesiredUserRow;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.state.Directory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Plans one customer: its staged rows, its current state from the directory, and the domain's planner. */
public class CustomerGroupPlanner implements ItemProcessor<String, PlannedCustomer> {

    private final String planId;
    private final PlanRecord plan;
    private final PlanStore planStore;
    private final Directory directory;
    private final CustomerPlanner planner;

    public CustomerGroupPlanner(PlanRecord plan, PlanStore planStore, Directory directory, CustomerPlanner planner) {
        this.planId = plan.planId();
        this.plan = plan;
        this.planStore = planStore;
        this.directory = directory;
        this.planner = planner;
    }

    /** @param tenantIdOrEmpty a tenant id, or "" for the rows whose customer matched nothing */
    @Override
    public PlannedCustomer process(String tenantIdOrEmpty) {
        List<StagedRow> staged = planStore.desiredRows(planId, tenantIdOrEmpty);
        Map<String, Long> rowSeq = new HashMap<>();
        staged.forEach(s -> rowSeq.put(PlannedCustomer.sourceKey(s.row().sourceFile(), s.row().sourceRow()), s.seq()));
        List<DesiredUserRow> rows = staged.stream().map(StagedRow::row).toList();
        Optional<CustomerContext> context = tenantIdOrEmpty.isEmpty()
                ? Optional.empty() : directory.loadCustomer(tenantIdOrEmpty);
        if (context.isEmpty()) {
            CustomerPlan rejected = new CustomerPlan(null, planner.rejectUnknownCustomer(rows), List.of(),
                    List.of(), 0);
            return new PlannedCustomer(null, rejected, rowSeq);
        }
        if (!plan.inScope(tenantIdOrEmpty)) {
            return new PlannedCustomer(context.get().customer().name(), new CustomerPlan(tenantIdOrEmpty,
                    planner.rejectOutOfScope(tenantIdOrEmpty, rows), List.of(), List.of(), 0), rowSeq);
        }
        Map<String, DirectoryUser> users = directory.loadUsers(tenantIdOrEmpty,
                rows.stream().map(DesiredUserRow::userPrincipalName).toList());
        return new PlannedCustomer(context.get().customer().name(), planner.plan(context.get(), rows, users), rowSeq);
    }
}
