package com.partnerops.reconcile.report;

import com.partnerops.reconcile.domain.LicensePosition;
import com.partnerops.reconcile.domain.SeatCounts;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One customer's SKUs added up, for the Customers sheet and the page: seats (of SKUs assigned to users), what they
 * cost, what the unused ones cost, how many actions, and the change since earlier imports.
 */
final class CustomerLicenses {

    static final List<String> HEADER = List.of("customer", "tenantId", "skus", "purchased", "assigned", "free",
            "monthlyCost", "monthlyUnusedCost", "currency", "actions", "purchasedSincePreviousImport",
            "assignedSincePreviousImport", "purchasedSince30DaysAgo", "assignedSince30DaysAgo");

    /** Biggest waste first: the money unused seats cost, then the unused seats, then by name. */
    static final Comparator<CustomerLicenses> BIGGEST_WASTE_FIRST = Comparator
            .comparing((CustomerLicenses c) -> c.unusedCost == null ? BigDecimal.valueOf(-1) : c.unusedCost)
            .reversed().thenComparing(Comparator.comparingInt((CustomerLicenses c) -> c.free).reversed())
            .thenComparing(c -> String.valueOf(c.name));

    final String tenantId;
    final String name;
    private int skus;
    private int purchased;
    private int assigned;
    int free;
    private BigDecimal cost;
    BigDecimal unusedCost;
    private int actions;
    private SeatCounts previous;
    private SeatCounts monthAgo;

    CustomerLicenses(String tenantId, String name) {
        this.tenantId = tenantId;
        this.name = name;
    }

    void add(LicenseLine line) {
        LicensePosition p = line.position();
        skus++;
        if (p.seatsAssignable()) {
            purchased += p.purchased();
            assigned += p.assigned();
            free += p.free();
        }
        cost = plus(cost, line.monthlyCost());
        unusedCost = plus(unusedCost, line.monthlyUnusedCost());
        actions += line.assessment().actions().size();
    }

    /** The customer's seats at earlier imports, all SKUs together; null where there was no such import. */
    void earlier(SeatCounts previous, SeatCounts monthAgo) {
        this.previous = previous;
        this.monthAgo = monthAgo;
    }

    SeatCounts seats() {
        return new SeatCounts(purchased, assigned);
    }

    int actions() {
        return actions;
    }

    /** The change of assigned seats since the previous import, or null. */
    Integer assignedSincePrevious() {
        return previous == null ? null : assigned - previous.assigned();
    }

    List<Object> values(String currency) {
        return Arrays.asList(name, tenantId, skus, purchased, assigned, free, cost, unusedCost,
                cost == null ? null : currency, actions,
                previous == null ? null : purchased - previous.purchased(), assignedSincePrevious(),
                monthAgo == null ? null : purchased - monthAgo.purchased(),
                monthAgo == null ? null : assigned - monthAgo.assigned());
    }

    private static BigDecimal plus(BigDecimal total, BigDecimal amount) {
        if (amount == null) {
            return total;
        }
        return total == null ? amount : total.add(amount);
    }
}
