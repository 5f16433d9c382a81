package com.partnerops.reconcile.apply;

import java.io.Console;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * How far an apply is: users done of those it had to do, and the rate, across all its threads. A nightly log gets
 * the line per committed chunk; on a terminal the same line is redrawn in place, at most twice a second.
 */
@Component
public class ApplyProgress {

    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private record Run(long total, long startedAt, AtomicLong done, AtomicLong drawnAt) {
    }

    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    /** @param total the users this run has to do (those a killed run finished are not among them) */
    public void start(String planId, long total) {
        runs.put(planId, new Run(total, System.nanoTime(), new AtomicLong(), new AtomicLong()));
    }

    /** Counts users whose chunk committed; returns the progress line. */
    public String committed(String planId, int users) {
        Run run = runs.computeIfAbsent(planId, id -> new Run(0, System.nanoTime(), new AtomicLong(),
                new AtomicLong()));
        long done = run.done().addAndGet(users);
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - run.startedAt()) / 1e9);
        String line = String.format("apply %s: %d users done in this run, of %d (%.0f users/s)", planId, done,
                Math.max(done, run.total()), done / seconds);
        Console terminal = System.console();
        long drawn = run.drawnAt().get();
        if (terminal != null && (now - drawn > REDRAW_NANOS || done >= run.total())
                && run.drawnAt().compareAndSet(drawn, now)) {
            terminal.writer().print("\r" + line + (done >= run.total() ? System.lineSeparator() : ""));
            terminal.flush();
        }
        return line;
    }

    public void finish(String planId) {
        runs.remove(planId);
    }
}
