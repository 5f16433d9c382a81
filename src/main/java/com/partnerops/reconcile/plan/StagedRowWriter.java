package com.partnerops.reconcile.plan;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores a chunk of staged desired rows with one batched insert. */
public class StagedRowWriter implements ItemWriter<StagedRow> {

    private final String planId;
    private final PlanStore plans;

    public StagedRowWriter(String planId, PlanStore plans) {
        this.planId = planId;
        this.plans = plans;
    }

    @Override
    public void write(Chunk<? extends StagedRow> rows) {
        plans.insertDesiredRows(planId, rows.getItems());
    }
}
