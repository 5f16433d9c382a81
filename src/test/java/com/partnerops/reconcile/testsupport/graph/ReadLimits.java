package com.partnerops.reconcile.testsupport.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Microsoft's documented read limits, per app and tenant, as sliding windows: Microsoft Graph's identity reads at
 * the smallest tenant size, 3,500 resource units per 10 seconds (each request counted as one unit, a
 * simplification: some cost more), and Partner Center's subscription reads, 500 requests per minute per tenant.
 * A request over a limit is answered 429 with the seconds until the window has room again.
 */
public final class ReadLimits {

    /** Which limit a request counts against. */
    public enum Api {
        GRAPH(3_500, 10),
        PARTNER_CENTER_SUBSCRIPTIONS(500, 60);

        final int requests;
        final long windowNanos;

        Api(int requests, int windowSeconds) {
            this.requests = requests;
            this.windowNanos = windowSeconds * 1_000_000_000L;
        }
    }

    private final Map<String, Deque<Long>> seen = new HashMap<>();

    /** @return null when admitted (and counted), else the Retry-After in seconds */
    synchronized Integer admit(Api api, String tenant, long now) {
        Deque<Long> window = seen.computeIfAbsent(api + " " + tenant, k -> new ArrayDeque<>());
        while (!window.isEmpty() && now - window.peekFirst() >= api.windowNanos) {
            window.removeFirst();
        }
        if (window.size() >= api.requests) {
            long wait = api.windowNanos - (now - window.peekFirst());
            return (int) Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
        }
        window.addLast(now);
        return null;
    }
}
