package com.partnerops.reconcile.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * plan.xlsx built on a thread of its own. POI's cell writing was a third of the review's time at a million users,
 * while the thread that reads the plan's rows has plan.csv, the figures and the summary page to do: on two cores
 * the two now overlap. The rows keep their order, since one thread takes them from one queue, first in, first
 * out. The queue is bounded, so a slow disk slows the reading thread down instead of filling the heap.
 *
 * <p>A failure on the workbook's thread is kept and thrown on the caller's next hand-over, or by {@link #await}; the
 * thread then drops what is still queued, so the caller never waits on a queue nobody takes from.
 */
final class WorkbookThread implements Closeable {

    /** Rows handed over together: one queue operation per few hundred rows, not per row. */
    private static final int ROWS_PER_HANDOVER = 500;
    private static final int HANDOVERS_QUEUED = 8;
    private static final List<Consumer<PlanWorkbook>> END = List.of();

    private final PlanWorkbook workbook = new PlanWorkbook();
    private final BlockingQueue<List<Consumer<PlanWorkbook>>> queue = new ArrayBlockingQueue<>(HANDOVERS_QUEUED);
    private final Thread thread = new Thread(this::run, "plan-xlsx");
    private List<Consumer<PlanWorkbook>> batch = new ArrayList<>(ROWS_PER_HANDOVER);
    private volatile RuntimeException failure;
    /** The failure was thrown to the caller once; closing does not throw it again. */
    private boolean reported;
    private boolean ended;

    WorkbookThread() {
        thread.setDaemon(true);
        thread.start();
    }

    void add(ReportRow row) {
        queue(workbook -> workbook.add(row));
    }

    void add(SeatReportRow seat) {
        queue(workbook -> workbook.add(seat));
    }

    /** Queues writing the workbook to {@code file} after the rows queued so far; {@link #await} waits for it. */
    void write(Path file, ReportSummary figures) {
        queue(workbook -> {
            try {
                workbook.write(file, figures);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        handOver();
    }

    /** Waits until everything queued is done and the workbook's temp files are gone; throws what failed there. */
    void await() {
        if (!ended) {
            ended = true;
            handOver();
            put(END);
            join();
        }
        throwFailure();
    }

    /** As {@link #await}, with the failure as the IOException {@link Resources} expects of a closing resource. */
    @Override
    public void close() throws IOException {
        try {
            await();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw new IOException("plan.xlsx could not be written", e);
        }
    }

    private void queue(Consumer<PlanWorkbook> step) {
        batch.add(step);
        if (batch.size() == ROWS_PER_HANDOVER) {
            handOver();
        }
    }

    private void handOver() {
        throwFailure();
        if (!batch.isEmpty()) {
            put(batch);
            batch = new ArrayList<>(ROWS_PER_HANDOVER);
        }
    }

    private void throwFailure() {
        if (failure != null && !reported) {
            reported = true;
            throw failure;
        }
    }

    private void run() {
        try {
            for (List<Consumer<PlanWorkbook>> steps = take(); steps != END; steps = take()) {
                steps.forEach(step -> step.accept(workbook));
            }
        } catch (RuntimeException | Error e) {
            failure = e instanceof RuntimeException r ? r : new IllegalStateException("plan.xlsx failed", e);
            drain();
        } finally {
            try {
                workbook.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = new UncheckedIOException(e);
                }
            }
        }
    }

    /** After a failure: takes what the caller still hands over until it ends, so it never blocks on a full queue. */
    private void drain() {
        while (take() != END) {
            // dropped: the workbook is not written after a failure
        }
    }

    private List<Consumer<PlanWorkbook>> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("plan.xlsx was interrupted", e);
        }
    }

    private void put(List<Consumer<PlanWorkbook>> steps) {
        try {
            queue.put(steps);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing rows to plan.xlsx", e);
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for plan.xlsx", e);
        }
    }
}
