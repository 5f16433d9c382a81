package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.DesiredUserRow;
import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.ingest.DesiredFileFormat;
import com.partnerops.reconcile.ingest.SourceRow;
import com.partnerops.reconcile.state.Directory;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a desired-file row into a staged row with the customer it names. A row whose customer matches nothing is
 * staged without one (the planner rejects it as UNKNOWN_CUSTOMER); a row for a customer outside {@code --customer}
 * is filtered out and counted.
 */
public class DesiredRowStager implements ItemProcessor<SourceRow, StagedRow> {

    private final PlanRecord plan;
    private final Function<String, Optional<Customer>> customers;
    private final Set<String> selectedTenants = new HashSet<>();

    public DesiredRowStager(PlanRecord plan, Directory directory) {
        this.plan = plan;
        this.customers = directory.customerFinder();
        plan.customers().forEach(tenantId -> selectedTenants.add(Names.key(tenantId)));
    }

    @Override
    public StagedRow process(SourceRow source) {
        DesiredUserRow row = DesiredFileFormat.toDesiredRow(source);
        long seq = StagedRow.seqOf(plan.inputs().indexOf(source.file()), source.rowNumber());
        String reference = row.customerRef();
        if (Names.isBlank(reference) && plan.customers().size() == 1) {
            return new StagedRow(seq, plan.customers().get(0), row);
        }
        Optional<Customer> customer = Names.isBlank(reference) ? Optional.empty() : customers.apply(reference);
        if (customer.isEmpty()) {
            return new StagedRow(seq, null, row);
        }
        String tenantId = customer.get().tenantId();
        if (!selectedTenants.isEmpty() && !selectedTenants.contains(Names.key(tenantId))) {
            return null;
        }
        return new StagedRow(seq, tenantId, row);
    }
}
