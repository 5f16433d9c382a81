package com.partnerops.reconcile.testsupport.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Microsoft's documented write limits for directory objects, as sliding windows: 3,000 writes per 150 seconds per
 * app and tenant, 18,000 per 5 minutes per tenant, 35,000 per 5 minutes per app across all tenants. One app talks
 * to the emulator, so the per-tenant limits are the tighter of the first two. A write over a limit is answered 429
 * with the seconds until its window has room again. {@link #scaled} divides the counts, windows unchanged;
 * {@link #timeScaled} divides the windows, counts unchanged (a benchmark that must fit in minutes).
 */
public final class WriteLimits {

    private record Limit(int writes, long windowNanos) {
    }

    private final Limit perAppAndTenant;
    private final Limit perTenant;
    private final Limit perApp;
    private final Map<String, Deque<Long>> seen = new HashMap<>();

    private WriteLimits(double divisor, double timeDivisor) {
        perAppAndTenant = new Limit((int) Math.max(1, 3_000 / divisor), (long) (150_000_000_000L / timeDivisor));
        perTenant = new Limit((int) Math.max(1, 18_000 / divisor), (long) (300_000_000_000L / timeDivisor));
        perApp = new Limit((int) Math.max(1, 35_000 / divisor), (long) (300_000_000_000L / timeDivisor));
    }

    /** The documented counts in windows {@code timeDivisor} times shorter: the same limits, faster (a benchmark). */
    public static WriteLimits timeScaled(double timeDivisor) {
        return new WriteLimits(1, timeDivisor);
    }

    public static WriteLimits documented() {
        return new WriteLimits(1, 1);
    }

    public static WriteLimits scaled(double divisor) {
        return new WriteLimits(divisor, 1);
    }

    public int perAppAndTenantWrites() {
        return perAppAndTenant.writes();
    }

    public int perAppWrites() {
        return perApp.writes();
    }

    /** @return null when admitted (and counted against every window), else the Retry-After in seconds */
    synchronized Integer admit(String tenant, long now) {
        Deque<Long> appTenant = window("app+tenant " + tenant, perAppAndTenant, now);
        Deque<Long> tenantOnly = window("tenant " + tenant, perTenant, now);
        Deque<Long> app = window("app", perApp, now);
        Integer wait = wait(appTenant, perAppAndTenant, now);
        wait = longer(wait, wait(tenantOnly, perTenant, now));
        wait = longer(wait, wait(app, perApp, now));
        if (wait != null) {
            return wait;
        }
        appTenant.addLast(now);
        tenantOnly.addLast(now);
        app.addLast(now);
        return null;
    }

    private Deque<Long> window(String key, Limit limit, long now) {
        Deque<Long> window = seen.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!window.isEmpty() && now - window.peekFirst() >= limit.windowNanos()) {
            window.removeFirst();
        }
        return window;
    }

    private static Integer wait(Deque<Long> window, Limit limit, long now) {
        if (window.size() < limit.writes()) {
            return null;
        }
        long wait = limit.windowNanos() - (now - window.peekFirst());
        return (int) Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
    }

    private static Integer longer(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }
}
