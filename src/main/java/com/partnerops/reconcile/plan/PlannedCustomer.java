package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.domain.CustomerPlan;
import java.util.Map;

/**
 * What the planner decided for one customer, ready to store.
 *
 * @param customerName null for the group of rows whose customer matched nothing
 * @param rowSeq each desired row's {@link StagedRow#seq}, by {@link #sourceKey}
 */
public record PlannedCustomer(String customerName, CustomerPlan plan, Map<String, Long> rowSeq) {

    public static String sourceKey(String sourceFile, int sourceRow) {
        return sourceFile + '\n' + sourceRow;
    }
}
