package com.partnerops.reconcile.report;

import com.partnerops.reconcile.domain.LicenseAction;
import com.partnerops.reconcile.domain.LicensePosition;
import com.partnerops.reconcile.domain.SeatPrice;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One row of the Actions sheet and the page's first table: something to do now about a customer's SKU.
 *
 * @param price null when unpriced
 */
record ActionLine(LicensePosition position, LicenseAction action, SeatPrice price) {

    static final List<String> HEADER = List.of("customer", "tenantId", "sku", "productName", "action", "seats",
            "by", "why", "monthlyAtStake", "currency");

    /** The biggest first: the money a month at stake, then the seats, then by customer. */
    static final Comparator<ActionLine> BIGGEST_FIRST = Comparator
            .comparing((ActionLine a) -> a.atStake() == null ? BigDecimal.valueOf(-1) : a.atStake()).reversed()
            .thenComparing(Comparator.comparingInt((ActionLine a) -> a.action.seats()).reversed())
            .thenComparing(a -> String.valueOf(a.position.customerName()))
            .thenComparing(a -> a.position.sku());

    /** The seats' monthly price: saved by reducing, spent by buying, kept working by renewing. */
    BigDecimal atStake() {
        return price == null ? null : price.times(action.seats());
    }

    List<Object> values() {
        return Arrays.asList(position.customerName(), position.tenantId(), position.sku(), position.productName(),
                action.phrase(), action.seats(), action.by(), action.why(), atStake(),
                price == null ? null : price.currency());
    }
}
