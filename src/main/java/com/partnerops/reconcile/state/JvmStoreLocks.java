package com.partnerops.reconcile.state;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The write locks of the stores this JVM uses, shared by all its Spring contexts: a long-lived process (a web
 * server, a test) serialises its imports and applies on a store while its plans go on. Held by a thread, and
 * re-entered by it: {@code run} holds the lock around its plan and apply, and apply takes it again inside. The
 * holder is recorded in the same step as the lock is taken, so a refused caller always learns who holds it.
 */
final class JvmStoreLocks {

    private record Hold(Thread owner, LockHolder holder, int count) {
    }

    private static final Map<String, Hold> HELD = new HashMap<>();

    private JvmStoreLocks() {
    }

    /**
     * @param deadline {@link System#nanoTime()} after which a lock another thread holds refuses
     * @return how many times this thread holds it now: 1 when it was free
     * @throws StoreBusyException when another thread holds it past the deadline
     */
    static synchronized int take(StoreUrl store, LockHolder me, long deadline) {
        while (true) {
            Hold hold = HELD.get(store.key());
            if (hold == null || hold.owner() == Thread.currentThread()) {
                int count = hold == null ? 1 : hold.count() + 1;
                HELD.put(store.key(), new Hold(Thread.currentThread(), hold == null ? me : hold.holder(), count));
                return count;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new StoreBusyException(store.displayName(), hold.holder().toString());
            }
            try {
                JvmStoreLocks.class.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreBusyException(store.displayName(), hold.holder() + "; interrupted while waiting");
            }
        }
    }

    static synchronized void release(StoreUrl store) {
        Hold hold = HELD.get(store.key());
        if (hold == null || hold.owner() != Thread.currentThread()) {
            throw new IllegalStateException("this thread does not hold the write lock of " + store.displayName());
        }
        if (hold.count() > 1) {
            HELD.put(store.key(), new Hold(hold.owner(), hold.holder(), hold.count() - 1));
        } else {
            HELD.remove(store.key());
            JvmStoreLocks.class.notifyAll();
        }
    }

    static synchronized boolean heldByCurrentThread(StoreUrl store) {
        Hold hold = HELD.get(store.key());
        return hold != null && hold.owner() == Thread.currentThread();
    }
}
