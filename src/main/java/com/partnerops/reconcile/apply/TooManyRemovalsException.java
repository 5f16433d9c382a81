package com.partnerops.reconcile.apply;

/** The blast-radius guard stopped an apply: the plan removes more than the limits allow. Nothing was applied. */
public class TooManyRemovalsException extends RuntimeException {

    public TooManyRemovalsException(String message) {
        super(message);
    }
}
