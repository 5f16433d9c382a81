package com.partnerops.reconcile.plan;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores what the planner decided for a chunk of customers: rows, users, seats. */
public class PlannedCustomerWriter implements ItemWriter<PlannedCustomer> {

    private final String planId;
    private final PlanStore plans;

    public PlannedCustomerWriter(String planId, PlanStore plans) {
        this.planId = planId;
        this.plans = plans;
    }

    @Override
    public void write(Chunk<? extends PlannedCustomer> customers) {
        plans.save(planId, customers.getItems());
    }
}
