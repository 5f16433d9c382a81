package com.partnerops.reconcile.graph;

/**
 * Nothing could be read: a setting is missing, the service user's refresh token was refused, or Partner Center
 * could not list the customers. The store is unchanged. The message names settings, never their values.
 */
public class LiveReadUnavailableException extends RuntimeException {

    private final boolean badSettings;

    LiveReadUnavailableException(String message, boolean badSettings) {
        super(message);
        this.badSettings = badSettings;
    }

    /** True when the settings themselves are wrong (an input problem); false when the services refused. */
    public boolean badSettings() {
        return badSettings;
    }
}
