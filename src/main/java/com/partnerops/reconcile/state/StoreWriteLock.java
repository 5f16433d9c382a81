package com.partnerops.reconcile.state;

import com.partnerops.reconcile.ReconcileSettings;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The store's write lock, taken per operation: {@code import-state} and {@code apply} (and {@code run}, which
 * applies what it plans) hold it for their duration; plans take none and go on beside them. Within this JVM it is
 * {@link JvmStoreLocks}; across processes, on PostgreSQL, an {@link AdvisoryLock}. On an HSQLDB file store the
 * other processes are kept out already while this one has the store open ({@link StoreFileLock}), since HSQLDB
 * opens a file database in one process at a time.
 */
@Component
public class StoreWriteLock {

    private final DataSource dataSource;
    private final StoreUrl store;
    private final Duration wait;

    public StoreWriteLock(DataSource dataSource, ReconcileSettings settings) {
        this.dataSource = dataSource;
        this.store = new StoreUrl(settings.db());
        this.wait = settings.lockWait();
    }

    /**
     * Does {@code work} holding the lock, waiting up to {@code reconcile.lock-wait} ({@code --wait}) for it. A
     * thread that holds it already goes on: the outer hold keeps the other processes out.
     *
     * @param operation what this process is doing, as a refused process names it: "apply PLAN_ID"
     * @throws StoreBusyException when another operation holds it past that wait
     */
    public <T> T whileHeld(String operation, Supplier<T> work) {
        long deadline = System.nanoTime() + wait.toNanos();
        LockHolder me = LockHolder.thisProcess(operation);
        boolean outermost = JvmStoreLocks.take(store, me, deadline) == 1;
        try {
            if (!outermost || !store.isPostgresql()) {
                return work.get();
            }
            AdvisoryLock advisory = AdvisoryLock.acquire(dataSource, store, me, deadline);
            try {
                return work.get();
            } finally {
                advisory.close();
            }
        } finally {
            JvmStoreLocks.release(store);
        }
    }

    /**
     * Whether this thread holds the write lock and no other process can hold it meanwhile: then no other
     * process can be running an import or an apply on this store.
     */
    public boolean heldAgainstEveryProcessByCurrentThread() {
        return JvmStoreLocks.heldByCurrentThread(store) && store.writeLockExcludesOtherProcesses();
    }
}
