package com.partnerops.reconcile.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Splitting a step's customers over threads. Apply runs one partition per thread, its customers dealt out by
 * {@link #bucket}; plan hands each of its workers whole customers as they are read ({@link PlanningAhead}). Either
 * way all of one customer's users are handled by one thread, since they share seats.
 */
public final class Partitions {

    private Partitions() {
    }

    public static Partitioner of(int parts) {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (int part = 0; part < parts; part++) {
                ExecutionContext context = new ExecutionContext();
                context.putInt("part", part);
                context.putInt("parts", parts);
                partitions.put("part" + part, context);
            }
            return partitions;
        };
    }

    /** Buckets a customer's rows are stored under; partition {@code part} of {@code parts} takes bucket % parts. */
    public static final int BUCKETS = 1024;

    /** The same customer always lands in the same bucket, so all its users are applied by one thread. */
    public static int bucket(String tenantId) {
        return Math.floorMod(tenantId.hashCode(), BUCKETS);
    }

    public static AsyncTaskExecutor executor(String threadNamePrefix, int threads) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(threadNamePrefix);
        executor.setConcurrencyLimit(threads);
        return executor;
    }
}
