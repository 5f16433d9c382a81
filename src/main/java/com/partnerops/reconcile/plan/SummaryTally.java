package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.report.ReportSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A report's first-page figures, counted as a plan's (or apply's) rows go by: rows per status and reason, and per
 * customer the rows done and not done and the users touched. Fed by whatever pass already reads the rows.
 */
public final class SummaryTally {

    private final Map<String, Long> statusCounts = new LinkedHashMap<>();
    private final Map<String, Long> reasonCounts = new HashMap<>();
    private final Map<String, long[]> perCustomer = new LinkedHashMap<>();
    private final Map<String, String> customerNames = new HashMap<>();
    private final Map<String, Set<String>> usersTouched = new HashMap<>();

    public void add(String status, String reason, String tenantId, String customerName, String upnKey) {
        statusCounts.merge(status, 1L, Long::sum);
        if (reason != null) {
            reasonCounts.merge(reason, 1L, Long::sum);
        }
        String tenant = Optional.ofNullable(tenantId).orElse("");
        customerNames.putIfAbsent(tenant, tenant.isEmpty() ? "(unknown customer)" : customerName);
        long[] counts = perCustomer.computeIfAbsent(tenant, t -> new long[2]);
        boolean done = "PLANNED".equals(status) || "APPLIED".equals(status);
        counts[done ? 0 : 1]++;
        if (done) {
            usersTouched.computeIfAbsent(tenant, t -> new HashSet<>()).add(upnKey);
        }
    }

    /** @param heldBack per tenant, the removals {@code --additive} kept out of the plan */
    ReportSummary summary(PlanRecord plan, String title, Optional<RevertOrigin> origin,
            Map<String, Integer> heldBack) {
        List<ReportSummary.CustomerFigures> customers = new ArrayList<>();
        perCustomer.forEach((tenant, counts) -> customers.add(new ReportSummary.CustomerFigures(tenant,
                customerNames.get(tenant), usersTouched.getOrDefault(tenant, Set.of()).size(), counts[0],
                counts[1], heldBack.getOrDefault(tenant, 0))));
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasonCounts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> reasons.put(e.getKey(), e.getValue()));
        return new ReportSummary(plan.planId(), title, plan.createdAt(), plan.inputs(), plan.options(),
                origin.map(RevertOrigin::statement).orElse(null), plan.rowsRead(), plan.rowsOutOfScope(),
                plan.warnings(), statusCounts, reasons, customers);
    }
}
