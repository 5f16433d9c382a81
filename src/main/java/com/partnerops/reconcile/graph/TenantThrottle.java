package com.partnerops.reconcile.graph;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Retry-After per tenant: once a tenant answered 429, no request goes to it (from any thread) before its wait is
 * over. Graph and Partner Center throttle per app and tenant, so one throttled customer does not hold up others.
 */
final class TenantThrottle {

    private final Map<String, Long> notBeforeNanos = new ConcurrentHashMap<>();

    void holdOff(String tenant, Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        notBeforeNanos.merge(tenant, until, Math::max);
    }

    /** Waits until the tenant may be asked again. */
    void awaitTurn(String tenant) {
        while (true) {
            Long until = notBeforeNanos.get(tenant);
            long left = until == null ? 0 : until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.max(1, left / 1_000_000), 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a throttled tenant", e);
            }
        }
    }
}
