package com.partnerops.reconcile.state;

/** Another process holds the store (exit 5): named, so the admin can wait for it or find out why it is stuck. */
public class StoreBusyException extends RuntimeException {

    StoreBusyException(String store, String holder) {
        super("the store " + store + " is in use by another reconcile process (" + holder + "); nothing was done."
                + " Run again when it has finished.");
    }
}
