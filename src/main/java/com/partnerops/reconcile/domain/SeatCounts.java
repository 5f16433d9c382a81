package com.partnerops.reconcile.domain;

/** Seats of one SKU (or a customer's SKUs together) at one moment: bought in usable subscriptions, and held by users. */
public record SeatCounts(int purchased, int assigned) {

    public static final SeatCounts NONE = new SeatCounts(0, 0);

    public SeatCounts plus(SeatCounts other) {
        return new SeatCounts(purchased + other.purchased, assigned + other.assigned);
    }
}
