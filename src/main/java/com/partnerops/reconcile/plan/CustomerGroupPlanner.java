package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.domain.CustomerContext;
import com.partnerops.reconcile.domain.CustomerPlan;
import com.partnerops.reconcile.domain.CustomerPlanner;
import com.partnerops.reconcile.domain.DesiredUserRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Plans one customer: its desired rows and current state, as the group arrives, with the domain's planner. Reads
 * nothing itself, so customers of a chunk are planned side by side.
 */
public class CustomerGroupPlanner implements ItemProcessor<CustomerGroup, PlannedCustomer> {

    private final PlanRecord plan;
    private final CustomerPlanner planner;

    public CustomerGroupPlanner(PlanRecord plan, CustomerPlanner planner) {
        this.plan = plan;
        this.planner = planner;
    }

    @Override
    public PlannedCustomer process(CustomerGroup group) {
        Map<String, Long> rowSeq = new HashMap<>();
        group.rows().forEach(s -> rowSeq.put(PlannedCustomer.sourceKey(s.row().sourceFile(), s.row().sourceRow()),
                s.seq()));
        List<DesiredUserRow> rows = group.rows().stream().map(StagedRow::row).toList();
        String tenantId = group.tenantIdOrEmpty();
        if (group.state().isEmpty()) {
            CustomerPlan rejected = new CustomerPlan(null, planner.rejectUnknownCustomer(rows), List.of(),
                    List.of(), 0);
            return new PlannedCustomer(null, rejected, rowSeq);
        }
        CustomerContext context = group.state().get().context();
        if (!plan.inScope(tenantId)) {
            return new PlannedCustomer(context.customer().name(), new CustomerPlan(tenantId,
                    planner.rejectOutOfScope(tenantId, rows), List.of(), List.of(), 0), rowSeq);
        }
        return new PlannedCustomer(context.customer().name(), planner.plan(context, rows,
                group.state().get().users()), rowSeq);
    }
}
