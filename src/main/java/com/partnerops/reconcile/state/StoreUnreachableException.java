package com.partnerops.reconcile.state;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The store could not be opened: a database server that does not answer, a file store another program holds, a
 * wrong password. Said in one line naming the store (its password masked) and the cause, since the Spring trace
 * around it tells a partner admin nothing they can act on.
 */
public class StoreUnreachableException extends RuntimeException {

    private StoreUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The failure as a store problem, when a database error or a refused connection is what stopped it. */
    public static Optional<StoreUnreachableException> of(Throwable failure, String jdbcUrl) {
        Throwable database = null;
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof ConnectException) {
                database = cause;
            }
        }
        if (database == null) {
            return Optional.empty();
        }
        return Optional.of(new StoreUnreachableException("cannot open the store "
                + (jdbcUrl == null ? "(no store configured)" : new StoreUrl(jdbcUrl).masked()) + ": "
                + rootMessage(database), failure));
    }

    /**
     * HSQLDB refused the files because its lock file looks held: after a process was killed, its heartbeat stays
     * fresh for a few seconds. Only asked once the store's own operating-system lock is held by this process.
     */
    public boolean heldByAProcessThatDied() {
        for (Throwable cause = getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getClass().getName().equals("org.hsqldb.persist.LockFile$LockHeldExternallyException")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // HSQLDB repeats the cause's class in the message ("java.net.ConnectException: Connection refused")
        return message.replaceFirst("^[a-z]+(\\.[a-z]+)+\\.[A-Za-z]+Exception: ", "");
    }
}
