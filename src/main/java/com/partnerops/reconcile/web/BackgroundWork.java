package com.partnerops.reconcile.web;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.application.Reconciler;
import com.partnerops.reconcile.state.StoreBusyException;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Plans and applies started from a page run here, off the request thread, so the page can show their progress.
 * What went wrong is kept per plan for its page (the store keeps the plan's state). An apply that finds the store
 * busy (a nightly run, say) waits its turn: the page says so and it retries.
 */
@Component
@ConditionalOnWebApplication
public class BackgroundWork {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);
    static final Duration BUSY_RETRY = Duration.ofSeconds(5);
    static final Duration BUSY_GIVE_UP = Duration.ofHours(1);

    private final Reconciler reconciler;
    private final ReconcileSettings settings;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "web-work");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private final Map<String, String> waiting = new ConcurrentHashMap<>();
    private final Set<String> applying = ConcurrentHashMap.newKeySet();

    public BackgroundWork(Reconciler reconciler, ReconcileSettings settings) {
        this.reconciler = reconciler;
        this.settings = settings;
    }

    public void plan(String planId) {
        executor.submit(() -> {
            try {
                reconciler.makePlan(planId);
            } catch (RuntimeException e) {
                failed(planId, e);
            }
        });
    }

    public void apply(String planId, String finishedBy) {
        problems.remove(planId);
        applying.add(planId);
        executor.submit(() -> {
            try {
                applyUntilTheStoreIsFree(planId, finishedBy);
            } finally {
                applying.remove(planId);
            }
        });
    }

    /** True from Finish until the apply has ended, however it ended: the page shows its progress meanwhile. */
    public boolean applying(String planId) {
        return applying.contains(planId);
    }

    private void applyUntilTheStoreIsFree(String planId, String finishedBy) {
        long deadline = System.nanoTime() + BUSY_GIVE_UP.toNanos();
        while (true) {
            try {
                reconciler.apply(planId, settings.guard().rules(), finishedBy);
                waiting.remove(planId);
                return;
            } catch (StoreBusyException e) {
                if (System.nanoTime() > deadline) {
                    waiting.remove(planId);
                    failed(planId, e);
                    return;
                }
                waiting.put(planId, e.getMessage());
                sleep();
            } catch (RuntimeException e) {
                waiting.remove(planId);
                failed(planId, e);
                return;
            }
        }
    }

    /** Why the plan's planning or apply stopped, in words for its page. */
    public Optional<String> problem(String planId) {
        return Optional.ofNullable(problems.get(planId));
    }

    /** Who holds the store while the plan's apply waits for it. */
    public Optional<String> waitingFor(String planId) {
        return Optional.ofNullable(waiting.get(planId));
    }

    private void failed(String planId, RuntimeException e) {
        problems.put(planId, WebErrors.forPage(e));
        LOG.warn("plan {}: {}", planId, WebErrors.forPage(e));
    }

    private static void sleep() {
        try {
            Thread.sleep(BUSY_RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
