package com.partnerops.reconcile.application;

import com.partnerops.reconcile.ingest.UnusableInputException;
import com.partnerops.reconcile.state.StoreWriteLock;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a job and turns a failed execution back into the exception that failed it, so the command can tell
 * unusable input (exit 2) from everything else (exit 1). A failed instance started again with the same parameters
 * is a Spring Batch restart: completed steps are not run twice.
 */
@Component
public class JobRunner {

    private final JobOperator operator;
    private final JobRepository repository;
    private final StoreWriteLock writeLock;

    public JobRunner(JobOperator operator, JobRepository repository, StoreWriteLock writeLock) {
        this.operator = operator;
        this.repository = repository;
        this.writeLock = writeLock;
    }

    public JobExecution run(Job job, JobParameters parameters) {
        recoverAbandoned(job);
        JobExecution execution;
        try {
            execution = operator.start(job, parameters);
        } catch (Exception e) {
            throw new JobFailedException(job.getName() + " could not start: " + e.getMessage(), e);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            List<Throwable> failures = execution.getAllFailureExceptions();
            for (Throwable failure : failures) {
                for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                    if (cause instanceof UnusableInputException unusable) {
                        throw unusable;
                    }
                }
            }
            // A partitioned step's failure also fails the job with a generic "partition handler" message; the
            // failure that says what went wrong is the step's own.
            Throwable first = failures.stream().filter(f -> !(f instanceof JobExecutionException)).findFirst()
                    .orElse(failures.isEmpty() ? null : failures.get(0));
            throw new JobFailedException(job.getName() + " ended " + execution.getStatus()
                    + (first == null ? "" : ": " + rootCause(first)), first);
        }
        return execution;
    }

    /**
     * A process killed mid-job leaves its execution marked STARTED for ever. Every import and apply runs holding
     * the store's write lock; when this thread holds it and no other process can (an HSQLDB file store, open in
     * one process at a time; PostgreSQL, whose advisory lock the server holds for every machine and drops with the
     * session of a killed process), no one else can be running an execution of this job: every running one is
     * abandoned. Mark them all failed, not only the one these parameters name: an apply started again with the
     * same plan id then restarts where its last committed chunk left off, and a killed import (a new instance each
     * time, never restarted: see ImportStateJobConfiguration) does not stay "running" in the job repository after
     * the next import replaced the store. Without the lock (a plan), or on a server with no such lock (an HSQLDB
     * server), an execution may be alive elsewhere: it is left alone and a start of the same instance refuses.
     */
    private void recoverAbandoned(Job job) {
        if (!writeLock.heldAgainstEveryProcessByCurrentThread()) {
            return;
        }
        for (JobExecution abandoned : repository.findRunningJobExecutions(job.getName())) {
            operator.recover(abandoned);
        }
    }

    /** Batch wraps the failure that matters in its own exceptions; the innermost one says what went wrong. */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** The job failed for a reason other than unusable input: a bug or the store, exit 1. */
    public static class JobFailedException extends RuntimeException {
        JobFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
