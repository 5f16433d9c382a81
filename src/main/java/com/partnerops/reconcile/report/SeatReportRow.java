package com.partnerops.reconcile.report;

import java.util.List;

/** One row of seats.csv and the Seats sheet: one customer's SKU before and after the plan. */
public record SeatReportRow(
        String tenantId,
        String customer,
        String sku,
        String productName,
        String kind,
        String program,
        int purchased,
        int assignedBefore,
        int assignedAfter,
        int freeAfter,
        int seatsToBuy,
        String advice) {

    public static final List<String> HEADER = List.of("tenantId", "customer", "sku", "productName", "kind",
            "program", "purchased", "assignedBefore", "assignedAfter", "freeAfter", "seatsToBuy", "advice");

    public List<String> cells() {
        return List.of(nz(tenantId), nz(customer), nz(sku), nz(productName), nz(kind), nz(program),
                Integer.toString(purchased), Integer.toString(assignedBefore), Integer.toString(assignedAfter),
                Integer.toString(freeAfter), Integer.toString(seatsToBuy), nz(advice));
    }

    // List.of rejects nulls, and a SKU may lack a tenant-side name or program.
    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
