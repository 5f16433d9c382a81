package com.partnerops.reconcile.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerops.reconcile.ReconcileSettings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The write limits as sliding windows: a window's worth goes at once, the next write only once the oldest has left
 * the window, and one tenant's full window holds back that tenant alone.
 */
class WriteBudgetTest {

    private static final long MS = 1_000_000L;

    /** A clock that moves only when the budget sleeps, by exactly as long as it asked to. */
    private final AtomicLong now = new AtomicLong();

    @Test
    void aFullWindowWaitsUntilItsOldestWritesHaveLeftIt() throws Exception {
        WriteBudget budget = new WriteBudget(new ReconcileSettings.WriteLimits(3, Duration.ofMillis(100), 100,
                Duration.ofMillis(100), 100, Duration.ofMillis(100)), now::get, nanos -> now.addAndGet(nanos));

        budget.acquire("t1", 2);
        now.addAndGet(40 * MS);
        budget.acquire("t1", 1);
        assertThat(now.get()).isEqualTo(40 * MS);

        budget.acquire("t1", 2); // the first two leave the window at 100 ms (and the margin)
        assertThat(now.get()).isEqualTo(100 * MS + WriteBudget.MARGIN_NANOS);
        assertThat(budget.waited()).isEqualTo(Duration.ofNanos(60 * MS + WriteBudget.MARGIN_NANOS));

        budget.acquire("t2", 3); // another tenant's window is empty
        assertThat(now.get()).isEqualTo(100 * MS + WriteBudget.MARGIN_NANOS);
    }

    @Test
    void theAppWideWindowHoldsBackEveryTenant() throws Exception {
        WriteBudget budget = new WriteBudget(new ReconcileSettings.WriteLimits(100, Duration.ofMillis(100), 100,
                Duration.ofMillis(100), 4, Duration.ofMillis(300)), now::get, nanos -> now.addAndGet(nanos));

        budget.acquire("t1", 2);
        budget.acquire("t2", 2);
        budget.acquire("t3", 1);

        assertThat(now.get()).isEqualTo(300 * MS + WriteBudget.MARGIN_NANOS);
    }
}
