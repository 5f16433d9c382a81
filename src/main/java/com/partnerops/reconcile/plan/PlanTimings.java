package com.partnerops.reconcile.plan;

import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Where a plan's time went: reading the inputs, bringing the rows into customer order, reading the current state,
 * planning (and storing the plan's rows), writing the review. Logged at DEBUG under this class's name once the job
 * ends; {@code bench/run} turns it on to print the parts.
 */
public class PlanTimings implements JobExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(PlanTimings.class);

    static final String SORT_NANOS = "plan.sortNanos";
    static final String MERGE_NANOS = "plan.mergeNanos";
    static final String SCAN_NANOS = "plan.scanNanos";

    @Override
    public void afterJob(JobExecution job) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        long read = 0;
        long order = 0;
        long scan = 0;
        long plan = 0;
        long report = 0;
        for (StepExecution step : job.getStepExecutions()) {
            long nanos = step.getStartTime() == null || step.getEndTime() == null ? 0
                    : Duration.between(step.getStartTime(), step.getEndTime()).toNanos();
            long sort = step.getExecutionContext().getLong(SORT_NANOS, 0L);
            long merge = step.getExecutionContext().getLong(MERGE_NANOS, 0L);
            long state = step.getExecutionContext().getLong(SCAN_NANOS, 0L);
            switch (step.getStepName()) {
                case "checkInputs" -> read += nanos;
                case "stageDesiredRows" -> {
                    read += nanos - sort;
                    order += sort;
                }
                case "planCustomers" -> {
                    order += merge;
                    scan += state;
                    plan += nanos - merge - state;
                }
                case "writeReviewReport" -> report += nanos;
                default -> {
                    // no other step takes measurable time
                }
            }
        }
        LOG.debug("plan {}: read {} s, order {} s, scan {} s, plan {} s, report {} s",
                job.getJobParameters().getString(PlanJobConfiguration.PLAN_ID), seconds(read), seconds(order),
                seconds(scan), seconds(plan), seconds(report));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }
}
