package com.partnerops.reconcile.plan;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.domain.CustomerPlanner;
import com.partnerops.reconcile.domain.GdapPolicy;
import com.partnerops.reconcile.domain.ProductCatalog;
import com.partnerops.reconcile.domain.RoleCatalog;
import com.partnerops.reconcile.domain.SettingNames;
import com.partnerops.reconcile.ingest.DesiredFileFormat;
import com.partnerops.reconcile.ingest.SourceRow;
import com.partnerops.reconcile.ingest.TableItemReader;
import com.partnerops.reconcile.state.CustomerStates;
import com.partnerops.reconcile.state.Directory;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Future;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code plan}: check the inputs, stage every desired row with its customer (into customer order, in bounded
 * memory), plan customer by customer as their groups come out of the sort with their current state, then write
 * the review report. The caller creates the plan record (inputs, options); the job gets its id.
 */
@Configuration
public class PlanJobConfiguration {

    public static final String JOB_NAME = "planJob";
    public static final String PLAN_ID = "planId";
    private static final String PLAN_ID_PARAMETER = "#{jobParameters['" + PLAN_ID + "']}";
    /** Staging commits only Spring Batch's own records now (rows go to the sort), so chunks can be large. */
    private static final int ROWS_PER_CHUNK = 10_000;
    /** Customers planned side by side and stored together, one transaction each chunk. */
    private static final int CUSTOMERS_PER_CHUNK = 50;

    @Bean
    public Job planJob(JobRepository repository, Step checkInputs, Step stageDesiredRows, Step planCustomers,
            Step writeReviewReport) {
        return new JobBuilder(JOB_NAME, repository)
                .start(checkInputs)
                .next(stageDesiredRows)
                .next(planCustomers)
                .next(writeReviewReport)
                .listener(new PlanTimings())
                .build();
    }

    /** The plan's desired rows on their way into customer order; shared by the staging and planning steps. */
    @Bean
    @JobScope
    public DesiredRowRuns desiredRowRuns() {
        return new DesiredRowRuns();
    }

    @Bean
    public Step checkInputs(JobRepository repository, PlatformTransactionManager tx, PlanStore plans) {
        return new StepBuilder("checkInputs", repository)
                .tasklet((contribution, chunk) -> {
                    PlanRecord plan = plans.get(contribution.getStepExecution().getJobParameters().getString(PLAN_ID));
                    plans.setWarnings(plan.planId(), InputCheck.requireUsable(plan.inputs(), plan.sheet(),
                            DesiredFileFormat.knownColumns(), requiredColumns(plan)));
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
    }

    @Bean
    @StepScope
    public TableItemReader desiredRowReader(@Value(PLAN_ID_PARAMETER) String planId, PlanStore plans) {
        PlanRecord plan = plans.get(planId);
        return new TableItemReader(plan.inputs().stream().map(Path::of).toList(), plan.sheet(),
                DesiredFileFormat.knownColumns(), requiredColumns(plan));
    }

    private static Set<String> requiredColumns(PlanRecord plan) {
        return DesiredFileFormat.requiredColumns(plan.customers().size() == 1);
    }

    @Bean
    @StepScope
    public DesiredRowStager desiredRowStager(@Value(PLAN_ID_PARAMETER) String planId, PlanStore plans,
            Directory directory) {
        return new DesiredRowStager(plans.get(planId), directory);
    }

    @Bean
    @StepScope
    public DesiredRowSorter desiredRowSorter(DesiredRowRuns desiredRowRuns) {
        return new DesiredRowSorter(desiredRowRuns);
    }

    @Bean
    public Step stageDesiredRows(JobRepository repository, PlatformTransactionManager tx,
            TableItemReader desiredRowReader, DesiredRowStager desiredRowStager, DesiredRowSorter desiredRowSorter,
            DesiredRowRuns desiredRowRuns, PlanStore plans) {
        return new StepBuilder("stageDesiredRows", repository)
                .<SourceRow, StagedRow>chunk(ROWS_PER_CHUNK)
                .transactionManager(tx)
                .reader(desiredRowReader)
                .processor(desiredRowStager)
                .writer(desiredRowSorter)
                .listener(new StepExecutionListener() {
                    @Override
                    public ExitStatus afterStep(StepExecution step) {
                        String planId = step.getJobParameters().getString(PLAN_ID);
                        plans.setRowsRead(planId, step.getReadCount(), step.getFilterCount());
                        plans.setCustomersToPlan(planId, desiredRowRuns.groups());
                        return step.getExitStatus();
                    }
                })
                .build();
    }

    @Bean
    @StepScope
    public CustomerGroupReader customerGroupReader(@Value(PLAN_ID_PARAMETER) String planId, PlanStore plans,
            DesiredRowRuns desiredRowRuns, CustomerStates states) {
        return new CustomerGroupReader(plans.get(planId), desiredRowRuns, states);
    }

    /** The planner is a plain object, not a step-scoped bean: the workers that call it run outside the step. */
    @Bean
    @StepScope
    public PlanningAhead planningAhead(@Value(PLAN_ID_PARAMETER) String planId, PlanStore plans, GdapPolicy policy,
            RoleCatalog roles, ProductCatalog products, SettingNames settingNames, ReconcileSettings settings) {
        PlanRecord plan = plans.get(planId);
        // The plan's creation time is its "now": GDAP end dates and NCE windows are judged as of the review.
        CustomerPlanner planner = new CustomerPlanner(policy, roles, products, plan.createdAt(),
                plan.additive(), settingNames);
        return new PlanningAhead(new CustomerGroupPlanner(plan, planner), settings.threads());
    }

    @Bean
    @StepScope
    public PlannedCustomerWriter plannedCustomerWriter(@Value(PLAN_ID_PARAMETER) String planId, PlanStore plans) {
        return new PlannedCustomerWriter(planId, plans);
    }

    /**
     * One pass over the customers in order, each read with its slice's state; each customer is planned on one of
     * {@code reconcile.threads} threads while the next ones are read (they share nothing: all of one customer's
     * rows are planned together, since they share its seats), and a chunk of them stored by one writer.
     */
    @Bean
    public Step planCustomers(JobRepository repository, PlatformTransactionManager tx,
            CustomerGroupReader customerGroupReader, PlanningAhead planningAhead,
            PlannedCustomerWriter plannedCustomerWriter) {
        return new StepBuilder("planCustomers", repository)
                .<CustomerGroup, Future<PlannedCustomer>>chunk(CUSTOMERS_PER_CHUNK)
                .transactionManager(tx)
                .reader(customerGroupReader)
                .processor(planningAhead)
                .writer(PlanningAhead.storingWith(plannedCustomerWriter))
                .stream(planningAhead)
                .build();
    }

    @Bean
    public Step writeReviewReport(JobRepository repository, PlatformTransactionManager tx,
            ReviewReportPublisher publisher) {
        return new StepBuilder("writeReviewReport", repository)
                .tasklet((contribution, chunk) -> {
                    publisher.publish(contribution.getStepExecution().getJobParameters().getString(PLAN_ID));
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
    }
}
