package com.partnerops.reconcile.cli;

/** The exit codes schedulers and scripts act on; README lists them. */
public final class ExitCodes {

    /** Done, nothing rejected, stale or failed. */
    public static final int OK = 0;
    /** A bug or a store problem; the message says what. */
    public static final int INTERNAL_ERROR = 1;
    /** An input (file, column, option value) cannot be used: nothing was planned or applied. */
    public static final int UNUSABLE_INPUT = 2;
    /** Done, but some changes were rejected, stale or failed: read the report. */
    public static final int SOME_REJECTED = 3;
    /** The plan removes more licenses or roles than the guard allows; nothing was applied. */
    public static final int TOO_MANY_REMOVALS = 4;
    /** Another reconcile process holds the store; nothing was done. */
    public static final int STORE_BUSY = 5;
    /** The report is written, but its mail was not sent (no SMTP server set, or the server refused it). */
    public static final int MAIL_NOT_SENT = 6;

    private ExitCodes() {
    }
}
