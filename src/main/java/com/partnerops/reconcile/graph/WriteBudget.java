package com.partnerops.reconcile.graph;

import com.partnerops.reconcile.ReconcileSettings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Graph's write limits kept on our side, so apply sends no write that Graph would refuse with 429: per app and
 * tenant, per tenant and per app across tenants, each a count over a sliding window, as Microsoft documents them.
 * A thread waits until every window its tenant falls in has room for its writes; other tenants go on meanwhile.
 *
 * <p>Written here rather than with Resilience4j's RateLimiter, which refills a fixed number of permits per fixed
 * cycle: against a sliding window such a limiter either overshoots at a cycle's boundary (two cycles' permits in
 * one window, answered 429) or has to run at a fraction of the limit, which costs the time the limits allow.
 */
final class WriteBudget {

    /**
     * A write counts here from the moment it is let through; Graph counts it from when it arrives, a little later.
     * Each is kept this much longer than the window, so a write let through as an old one leaves our window does
     * not arrive before it has left Graph's (a second: Retry-After's own granularity).
     */
    static final long MARGIN_NANOS = 1_000_000_000L;

    private record Window(int writes, long nanos, Deque<Long> sent) {
        /** Nanoseconds until {@code count} more fit, 0 when they do now. */
        long waitFor(int count, long now) {
            while (!sent.isEmpty() && now - sent.peekFirst() >= nanos) {
                sent.removeFirst();
            }
            if (sent.isEmpty() || sent.size() + count <= writes) {
                return 0;
            }
            // the oldest writes that must leave the window before count more fit
            int leaving = Math.min(sent.size(), sent.size() + count - writes);
            long oldestStaying = 0;
            int i = 0;
            for (long at : sent) {
                if (++i == leaving) {
                    oldestStaying = at;
                    break;
                }
            }
            return Math.max(1, nanos - (now - oldestStaying));
        }
    }

    private final ReconcileSettings.WriteLimits limits;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final Window app;
    private final Map<String, Window> perAppAndTenant = new HashMap<>();
    private final Map<String, Window> perTenant = new HashMap<>();
    private long waitedNanos;

    /** Waits that many nanoseconds. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    WriteBudget(ReconcileSettings.WriteLimits limits) {
        this(limits, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    WriteBudget(ReconcileSettings.WriteLimits limits, LongSupplier clock, Sleeper sleeper) {
        this.limits = limits;
        this.clock = clock;
        this.sleeper = sleeper;
        this.app = window(limits.perApp(), limits.perAppWindow());
    }

    /** Waits until {@code writes} more writes to {@code tenant} are within every limit, and counts them. */
    void acquire(String tenant, int writes) throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.getAsLong();
                List<Window> windows = List.of(app,
                        perAppAndTenant.computeIfAbsent(tenant, t -> window(limits.perAppAndTenant(),
                                limits.perAppAndTenantWindow())),
                        perTenant.computeIfAbsent(tenant, t -> window(limits.perTenant(), limits.perTenantWindow())));
                wait = 0;
                for (Window window : windows) {
                    wait = Math.max(wait, window.waitFor(writes, now));
                }
                if (wait == 0) {
                    for (Window window : windows) {
                        for (int i = 0; i < writes; i++) {
                            window.sent().addLast(now);
                        }
                    }
                    return;
                }
                waitedNanos += wait;
            }
            sleeper.sleep(wait);
        }
    }

    /** How long threads waited for room, added up: what the limits cost this apply. */
    synchronized Duration waited() {
        return Duration.ofNanos(waitedNanos);
    }

    private static Window window(int writes, Duration length) {
        return new Window(Math.max(1, writes), length.toNanos() + MARGIN_NANOS, new ArrayDeque<>());
    }
}
