package com.partnerops.reconcile.state;

import com.partnerops.reconcile.ingest.SourceRow;
import com.partnerops.reconcile.ingest.TableItemReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads and checks a snapshot file on a thread of its own while the step's thread stages the rows checked before.
 * At a million users reading and checking took a third of the load and staging the rest, one after the other on
 * one thread; on two cores they now overlap. One thread reads and checks every row, in file order, so the checks
 * that build on earlier rows (duplicates, the tenants and license names read so far) see them as before. The queue
 * is bounded: the reading thread waits when staging falls behind, so memory stays at a few thousand rows.
 *
 * <p>The thread joins the step's scope and its job's, as the step's own thread is in them: the reader and the checks
 * are scoped beans, whose proxies find their targets through the thread they are called on.
 *
 * <p>Only for steps that are never restarted, as import-state's are (it is always run again whole): the thread reads
 * ahead of what the step has committed, so there is no position to save. A failure on the thread (a file that cannot
 * be read) is thrown to the step by the {@link #read} after the last row checked before it.
 */
final class CheckingAhead implements ItemStreamReader<CheckingAhead.Checked> {

    /** A row's record to stage, or null when the row has a problem, which the check keeps to report. */
    record Checked(Object record) {
    }

    private static final int ROWS_PER_HANDOVER = 1000;
    private static final int HANDOVERS_QUEUED = 8;
    private static final List<Checked> END = List.of();

    private final TableItemReader reader;
    private final Function<SourceRow, Object> check;
    private final String name;
    // One instance serves every execution of its step (a web server imports many times in one process), one at a
    // time (imports hold the store's write lock): open() starts each afresh.
    private BlockingQueue<List<Checked>> queue;
    private Thread thread;
    /** Set by the thread before it queues END, so the step sees it once it takes END. */
    private volatile RuntimeException failure;
    private Iterator<Checked> handedOver;
    private boolean ended;

    CheckingAhead(TableItemReader reader, Function<SourceRow, Object> check, String name) {
        this.reader = reader;
        this.check = check;
        this.name = name;
    }

    @Override
    public void open(ExecutionContext context) {
        queue = new ArrayBlockingQueue<>(HANDOVERS_QUEUED);
        failure = null;
        handedOver = Collections.emptyIterator();
        ended = false;
        reader.open(context);
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        thread = new Thread(() -> inScopeOf(step), "check-" + name);
        thread.setDaemon(true); // a step that failed must not keep the JVM up
        thread.start();
    }

    @Override
    public Checked read() {
        while (!handedOver.hasNext()) {
            if (ended) {
                return null;
            }
            List<Checked> next = take();
            if (next == END) {
                ended = true;
                if (failure != null) {
                    throw failure;
                }
                return null;
            }
            handedOver = next.iterator();
        }
        return handedOver.next();
    }

    /** Stops the thread if the step ended before the last row (it failed), then closes the files. */
    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        reader.close();
    }

    private void inScopeOf(StepExecution step) {
        StepSynchronizationManager.register(step);
        JobSynchronizationManager.register(step.getJobExecution());
        try {
            run();
        } finally {
            JobSynchronizationManager.close();
            StepSynchronizationManager.close();
        }
    }

    private void run() {
        List<Checked> batch = new ArrayList<>(ROWS_PER_HANDOVER);
        try {
            try {
                for (SourceRow row = reader.read(); row != null; row = reader.read()) {
                    batch.add(new Checked(check.apply(row)));
                    if (batch.size() == ROWS_PER_HANDOVER) {
                        queue.put(batch);
                        batch = new ArrayList<>(ROWS_PER_HANDOVER);
                    }
                }
            } catch (RuntimeException | Error e) {
                failure = e instanceof RuntimeException r ? r : new IllegalStateException(name + " failed", e);
            }
            if (!batch.isEmpty()) {
                queue.put(batch);
            }
            queue.put(END);
        } catch (InterruptedException e) {
            // the step is closing early: nobody takes from the queue any more
        }
    }

    private List<Checked> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + name, e);
        }
    }
}
