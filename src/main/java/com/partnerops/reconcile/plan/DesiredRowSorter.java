package com.partnerops.reconcile.plan;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/** Hands a chunk of staged desired rows to the plan's external sort: they come back in customer order. */
public class DesiredRowSorter implements ItemStreamWriter<StagedRow> {

    private final DesiredRowRuns runs;

    public DesiredRowSorter(DesiredRowRuns runs) {
        this.runs = runs;
    }

    @Override
    public void write(Chunk<? extends StagedRow> rows) {
        runs.add(rows.getItems());
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(PlanTimings.SORT_NANOS, runs.sortNanos());
    }
}
