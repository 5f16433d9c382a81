package com.partnerops.reconcile.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Plans each customer on a worker thread as soon as it is read, while the step's thread goes on reading the next
 * ones. A chunk step reads its whole chunk before it processes any of it, so with the workers as the step's
 * executor the state scan and the planning took turns; now they overlap. The writer takes the results in reading
 * order ({@link #storingWith}). Only the customers of one chunk are ever in flight, so memory stays bounded by the
 * chunk, and one customer is still planned by one thread, with all its rows (they share its seats).
 *
 * <p>Not final: the step-scoped bean is a class proxy.
 */
public class PlanningAhead implements ItemProcessor<CustomerGroup, Future<PlannedCustomer>>, ItemStream {

    private final CustomerGroupPlanner planner;
    private final int threads;
    private ExecutorService workers;

    public PlanningAhead(CustomerGroupPlanner planner, int threads) {
        this.planner = planner;
        this.threads = threads;
    }

    @Override
    public void open(ExecutionContext context) {
        if (workers != null) {
            return;
        }
        AtomicInteger number = new AtomicInteger();
        workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "plan-" + number.incrementAndGet());
            // a step that failed must not keep the JVM up
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Future<PlannedCustomer> process(CustomerGroup group) {
        return workers.submit(() -> planner.process(group));
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
            workers = null;
        }
    }

    /** Stores a chunk's customers through {@code writer} once they are planned; a planning failure fails the chunk. */
    public static ItemWriter<Future<PlannedCustomer>> storingWith(PlannedCustomerWriter writer) {
        return chunk -> {
            List<PlannedCustomer> planned = new ArrayList<>(chunk.size());
            for (Future<PlannedCustomer> customer : chunk) {
                planned.add(result(customer));
            }
            writer.write(new Chunk<>(planned));
        };
    }

    private static PlannedCustomer result(Future<PlannedCustomer> customer) {
        try {
            return customer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a customer was being planned", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("planning a customer failed", e.getCause());
        }
    }
}
