package com.partnerops.reconcile.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;

/**
 * Splitting a step's customers over threads: partition {@code part} of {@code parts} takes every {@code parts}-th
 * customer. The plan and apply jobs partition the same way, so a customer is always handled by one thread.
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

    public static TaskExecutor executor(String threadNamePrefix, int threads) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(threadNamePrefix);
        executor.setConcurrencyLimit(threads);
        return executor;
    }
}
