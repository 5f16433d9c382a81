package com.partnerops.reconcile.domain;

import java.math.BigDecimal;

/** What one seat of a SKU costs per month, in a currency (ISO 4217 code). */
public record SeatPrice(BigDecimal perSeatMonth, String currency) {

    public BigDecimal times(int seats) {
        return perSeatMonth.multiply(BigDecimal.valueOf(seats));
    }
}
