package com.partnerops.reconcile.report;

import com.partnerops.reconcile.domain.LicenseAssessment;
import com.partnerops.reconcile.domain.LicensePosition;
import com.partnerops.reconcile.domain.SeatCounts;
import com.partnerops.reconcile.domain.SeatPrice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * One row of license-report.csv and of the workbook's SKUs sheet: a customer's SKU, what it costs, what to do.
 * Seat columns that do not apply (an add-on's seats are not assigned to users) and facts the store does not know
 * (auto-renew, seats assigned through groups) are empty, never a made-up 0.
 *
 * @param price null when no price list was given or it has no price for the SKU
 */
public record LicenseLine(LicenseAssessment assessment, SeatPrice price) {

    /** license-report.csv's columns, in order; scripts read them by these names. */
    public static final List<String> HEADER = List.of("tenantId", "customer", "sku", "productName", "kind", "program",
            "status", "purchased", "assigned", "assignedByGroup", "free", "termEnd", "autoRenew", "reducibleSeats",
            "reducibleUntil", "pricePerSeatMonth", "currency", "monthlyCost", "monthlyUnusedCost", "action");
    /** The SKUs sheet adds the changes over time. */
    static final List<String> SHEET_HEADER = concat(HEADER, "purchasedSincePreviousImport",
            "assignedSincePreviousImport", "purchasedSince30DaysAgo", "assignedSince30DaysAgo");

    public LicensePosition position() {
        return assessment.position();
    }

    public BigDecimal monthlyCost() {
        return price == null ? null : price.times(position().purchased());
    }

    /** What the unused seats cost a month; null when unpriced or the seats are not assigned to users. */
    public BigDecimal monthlyUnusedCost() {
        return price == null || !position().seatsAssignable() ? null : price.times(position().free());
    }

    List<String> csvCells() {
        List<Object> values = sheetValues().subList(0, HEADER.size());
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(value instanceof BigDecimal amount ? plain(amount) : Objects.toString(value, ""));
        }
        return cells;
    }

    /** Typed for the workbook: Integer and BigDecimal become number cells, LocalDate date cells, null empty. */
    List<Object> sheetValues() {
        LicensePosition p = position();
        boolean seats = p.seatsAssignable();
        return Arrays.asList(p.tenantId(), p.customerName(), p.sku(), p.productName(), p.kind() == null ? null : p.kind().name(),
                p.program() == null ? null : p.program().name(), lower(p.status()), p.purchased(),
                seats ? p.assigned() : null, null, seats ? p.free() : null, p.termEnd(), null,
                seats ? assessment.reducibleSeats() : null, assessment.reducibleUntil(),
                price == null ? null : price.perSeatMonth(), price == null ? null : price.currency(), monthlyCost(),
                monthlyUnusedCost(), assessment.actionPhrase(),
                change(p, SeatCounts::purchased, p.previous()), change(p, SeatCounts::assigned, p.previous()),
                change(p, SeatCounts::purchased, p.monthAgo()), change(p, SeatCounts::assigned, p.monthAgo()));
    }

    private static Integer change(LicensePosition p, ToIntFunction<SeatCounts> figure,
            SeatCounts earlier) {
        return earlier == null || !p.seatsAssignable() ? null
                : figure.applyAsInt(p.seats()) - figure.applyAsInt(earlier);
    }

    /** Money as scripts read it: a point, no grouping, at least two decimals. */
    static String plain(BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }
}
