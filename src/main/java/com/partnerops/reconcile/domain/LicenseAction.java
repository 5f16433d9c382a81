package com.partnerops.reconcile.domain;

import java.time.LocalDate;

/**
 * Something worth doing about a customer's SKU now.
 *
 * @param seats how many seats the action is about (for RENEW: the users who would lose the license)
 * @param by the last day it can be done, or null
 * @param why what makes it worth doing, in a sentence
 */
public record LicenseAction(Kind kind, int seats, LocalDate by, String why) {

    /** In the order of urgency: users about to lose access first, then missing seats, then money. */
    public enum Kind {
        RENEW, BUY, REDUCE
    }

    /** As the report's action column words it: "renew", "buy 2 seats", "reduce 7 seats before 2026-11-27". */
    public String phrase() {
        return switch (kind) {
            case RENEW -> "renew";
            case BUY -> "buy " + seatsWord();
            case REDUCE -> "reduce " + seatsWord() + (by == null ? "" : " before " + by);
        };
    }

    private String seatsWord() {
        return seats + (seats == 1 ? " seat" : " seats");
    }
}
