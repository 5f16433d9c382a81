package com.partnerops.reconcile.revert;

import com.partnerops.reconcile.domain.AppliedChanges;
import com.partnerops.reconcile.domain.CustomerContext;
import com.partnerops.reconcile.domain.CustomerPlan;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.RevertPlanner;
import com.partnerops.reconcile.plan.PlannedCustomer;
import com.partnerops.reconcile.state.Directory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Plans the revert of one customer: what the reverted plan applied to it, its state now, and the domain's rules. */
public class CustomerReversalPlanner implements ItemProcessor<String, PlannedCustomer> {

    private final String revertedPlanId;
    private final List<String> users;
    private final AppliedChangeLog log;
    private final Directory directory;
    private final RevertPlanner planner;

    /** @param users the UPNs the revert is limited to; empty for every user */
    public CustomerReversalPlanner(String revertedPlanId, List<String> users, AppliedChangeLog log,
            Directory directory, RevertPlanner planner) {
        this.revertedPlanId = revertedPlanId;
        this.users = List.copyOf(users);
        this.log = log;
        this.directory = directory;
        this.planner = planner;
    }

    @Override
    public PlannedCustomer process(String tenantId) {
        List<AppliedChangeLog.AuditedUser> audited = log.users(revertedPlanId, tenantId, users);
        List<AppliedChanges> applied = audited.stream().map(AppliedChangeLog.AuditedUser::changes).toList();
        Map<String, Long> rowSeq = new HashMap<>();
        audited.forEach(a -> rowSeq.put(PlannedCustomer.sourceKey(a.changes().sourceFile(), a.changes().sourceRow()),
                a.desiredRowSeq()));
        Optional<CustomerContext> context = directory.loadCustomer(tenantId);
        if (context.isEmpty()) {
            return new PlannedCustomer(tenantId, planner.customerGone(tenantId, revertedPlanId, applied), rowSeq);
        }
        Map<String, DirectoryUser> current = directory.loadUsers(tenantId,
                applied.stream().map(AppliedChanges::userPrincipalName).toList());
        CustomerPlan plan = planner.plan(context.get(), revertedPlanId, applied, current);
        return new PlannedCustomer(context.get().customer().name(), plan, rowSeq);
    }
}
