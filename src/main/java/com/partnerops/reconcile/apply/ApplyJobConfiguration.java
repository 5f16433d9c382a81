package com.partnerops.reconcile.apply;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.domain.GdapPolicy;
import com.partnerops.reconcile.plan.Partitions;
import com.partnerops.reconcile.plan.PlanRecord;
import com.partnerops.reconcile.plan.PlanStore;
import com.partnerops.reconcile.graph.ApplyDirectories;
import com.partnerops.reconcile.state.CustomerSources;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code apply PLAN_ID}: mark the plan APPLYING, apply its users' reviewed changes chunk by chunk, then write the
 * apply report. The users still to do are read from the store, not from a saved position, so a restarted job picks
 * up exactly the users whose transaction never committed.
 */
@Configuration
public class ApplyJobConfiguration {

    public static final String JOB_NAME = "applyJob";
    public static final String PLAN_ID = "planId";
    private static final String PLAN_ID_PARAMETER = "#{jobParameters['" + PLAN_ID + "']}";

    @Bean
    public Job applyJob(JobRepository repository, Step startApply, Step applyUsers, Step writeApplyReport) {
        return new JobBuilder(JOB_NAME, repository)
                .start(startApply)
                .next(applyUsers)
                .next(writeApplyReport)
                .build();
    }

    @Bean
    public Step startApply(JobRepository repository, PlatformTransactionManager tx, PlanStore plans,
            ApplyProgress progress, JdbcTemplate jdbc) {
        return new StepBuilder("startApply", repository)
                .tasklet((contribution, chunk) -> {
                    String planId = contribution.getStepExecution().getJobParameters().getString(PLAN_ID);
                    plans.setState(planId, PlanRecord.APPLYING);
                    progress.start(planId, jdbc.queryForObject("SELECT COUNT(*) FROM plan_user WHERE plan_id = ?"
                            + " AND apply_status IS NULL", Long.class, planId));
                    return RepeatStatus.FINISHED;
                }, tx)
                .allowStartIfComplete(true)
                .build();
    }

    /** This partition's users still to apply, in the order {@link PendingUserReader} gives. */
    @Bean
    @StepScope
    public PendingUserReader pendingUserReader(@Value(PLAN_ID_PARAMETER) String planId,
            @Value("#{stepExecution.executionContext.getInt('part')}") int part,
            @Value("#{stepExecution.executionContext.getInt('parts')}") int parts, JdbcTemplate jdbc) {
        return new PendingUserReader(jdbc, planId, part, parts);
    }

    @Bean
    @StepScope
    public ReviewedChangeWriter reviewedChangeWriter(@Value(PLAN_ID_PARAMETER) String planId,
            ApplyDirectories directories, ApplyStore store, GdapPolicy policy, Clock clock,
            ReconcileSettings settings, PlanStore plans, ApplyProgress progress) {
        // per customer: through Graph when its state was read live, in the store only when it came from a snapshot
        return new ReviewedChangeWriter(planId, directories.forApply(planId), directories.store(), store, policy,
                clock,
                plans.finishedBy(planId).orElse(settings.operatorOrSystemUser()), progress);
    }

    /**
     * Customers share nothing, so they can be applied in parallel, each customer's users by one thread, in order.
     * {@code reconcile.apply-threads} is 1 by default: one writer session is what the million-user benchmark
     * measured, and an apply that hangs is worse than a slow one (a hang seen during that work came from a reader on
     * a second session; concurrent writer sessions on HSQLDB were not measured at that scale). A plan with customers
     * read live spends its time on the network: it runs {@code reconcile.graph.write-concurrency} threads (8).
     */
    @Bean
    public Step applyUsers(JobRepository repository, Step applyUserPartition, Partitioner applyPartitioner,
            ReconcileSettings settings) {
        int threads = Math.max(settings.applyThreads(), settings.graph().writeConcurrency());
        return new StepBuilder("applyUsers", repository)
                .partitioner(applyUserPartition.getName(), applyPartitioner)
                .step(applyUserPartition)
                .gridSize(threads)
                .taskExecutor(Partitions.executor("apply-", threads))
                .build();
    }

    /** As many partitions as the plan's apply runs threads: more when it writes to live tenants. */
    @Bean
    @StepScope
    public Partitioner applyPartitioner(@Value(PLAN_ID_PARAMETER) String planId, ReconcileSettings settings,
            CustomerSources sources) {
        int parts = sources.anyReadFromGraph(planId)
                ? Math.max(settings.applyThreads(), settings.graph().writeConcurrency()) : settings.applyThreads();
        return Partitions.of(parts);
    }

    @Bean
    public Step applyUserPartition(JobRepository repository, PlatformTransactionManager tx,
            PendingUserReader pendingUserReader, ReviewedChangeWriter reviewedChangeWriter,
            ReconcileSettings settings) {
        int usersPerChunk = settings.apply().usersPerChunk();
        return new StepBuilder("applyUserPartition", repository)
                .<PendingUser, PendingUser>chunk(usersPerChunk)
                .transactionManager(tx)
                .reader(pendingUserReader)
                .writer(reviewedChangeWriter)
                .build();
    }

    @Bean
    public Step writeApplyReport(JobRepository repository, PlatformTransactionManager tx,
            ApplyReportPublisher publisher, ApplyProgress progress) {
        return new StepBuilder("writeApplyReport", repository)
                .tasklet((contribution, chunk) -> {
                    String planId = contribution.getStepExecution().getJobParameters().getString(PLAN_ID);
                    publisher.publish(planId);
                    progress.finish(planId);
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
    }
}
