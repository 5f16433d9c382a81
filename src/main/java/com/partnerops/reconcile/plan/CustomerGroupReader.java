package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.state.CustomerStates;
import com.partnerops.reconcile.state.CustomerStates.CustomerState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The plan's customers one by one, each with its desired rows and its current state: the sorted desired rows are
 * cut into slices of whole customers, and each slice's state is read with one query per table
 * ({@link CustomerStates}), so a plan of 10,000 customers makes a few hundred queries, not tens of thousands.
 * Memory holds one slice: a few hundred customers, or one customer however large.
 */
public class CustomerGroupReader implements ItemStreamReader<CustomerGroup> {

    static final int TENANTS_PER_SLICE = 200;
    static final int ROWS_PER_SLICE = 20_000;

    private final PlanRecord plan;
    private final DesiredRowRuns runs;
    private final CustomerStates states;
    private final Deque<CustomerGroup> slice = new ArrayDeque<>();
    private DesiredRowRuns.SortedRows sorted;
    private long orderNanos;
    private long scanNanos;

    public CustomerGroupReader(PlanRecord plan, DesiredRowRuns runs, CustomerStates states) {
        this.plan = plan;
        this.runs = runs;
        this.states = states;
    }

    @Override
    public void open(ExecutionContext context) {
        sorted = runs.sorted();
    }

    @Override
    public CustomerGroup read() {
        if (slice.isEmpty()) {
            readSlice();
        }
        return slice.poll();
    }

    private void readSlice() {
        long start = System.nanoTime();
        Map<String, List<StagedRow>> groups = new LinkedHashMap<>();
        int rows = 0;
        while (sorted.peek() != null && groups.size() < TENANTS_PER_SLICE && rows < ROWS_PER_SLICE) {
            String group = DesiredRowRuns.groupOf(sorted.peek());
            List<StagedRow> groupRows = new ArrayList<>();
            while (sorted.peek() != null && DesiredRowRuns.groupOf(sorted.peek()).equals(group)) {
                groupRows.add(sorted.next());
            }
            groups.put(group, groupRows);
            rows += groupRows.size();
        }
        long read = System.nanoTime();
        orderNanos += read - start;
        Map<String, Set<String>> namedUsers = new LinkedHashMap<>();
        groups.forEach((tenant, groupRows) -> {
            if (!tenant.isEmpty()) {
                Set<String> keys = new HashSet<>();
                if (plan.inScope(tenant)) {
                    groupRows.forEach(row -> keys.add(Names.key(row.row().userPrincipalName())));
                }
                namedUsers.put(tenant, keys);
            }
        });
        Map<String, CustomerState> found = states.load(namedUsers);
        scanNanos += System.nanoTime() - read;
        groups.forEach((tenant, groupRows) -> slice.add(new CustomerGroup(tenant, groupRows,
                Optional.ofNullable(found.get(tenant)))));
    }

    @Override
    public void close() {
        if (sorted != null) {
            sorted.close();
            sorted = null;
        }
        runs.close();
    }

    /** The time spent merging the sorted runs and reading the customers' state, for {@link PlanTimings}. */
    @Override
    public void update(ExecutionContext context) {
        context.putLong(PlanTimings.MERGE_NANOS, orderNanos);
        context.putLong(PlanTimings.SCAN_NANOS, scanNanos);
    }
}
