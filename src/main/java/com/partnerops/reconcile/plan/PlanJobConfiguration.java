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
import com.partnerops.reconcile.state.Directory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code plan}: check the inputs, stage every desired row with its customer, plan customer by customer, then
 * write the review report. The caller creates the plan record (inputs, options); the job gets its id.
 */
@Configuration
public class PlanJobConfiguration {

    public static final String JOB_NAME = "planJob";
    public static final String PLAN_ID = "planId";
    private static final String PLAN_ID_PARAMETER = "#{jobParameters['" + PLAN_ID + "']}";
    private static final int ROWS_PER_CHUNK = 1000;
    private static final int CUSTOMERS_PER_CHUNK = 10;

    @Bean
    public Job planJob(JobRepository repository, Step checkInputs, Step stageDesiredRows, Step planCustomers,
            Step writeReviewReport) {
        return new JobBuilder(JOB_NAME, repository)
                .start(checkInputs)
                .next(stageDesiredRows)
                .next(planCustomers)
                .next(writeReviewReport)
                .build();
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
    public StagedRowWriter stagedRowWriter(@Value(PLAN_ID_PARAMETER) String planId, PlanStore plans) {
        return new StagedRowWriter(planId, plans);
    }

    @Bean
    public Step stageDesiredRows(JobRepository repository, PlatformTransactionManager tx,
            TableItemReader desiredRowReader, DesiredRowStager desiredRowStager, StagedRowWriter stagedRowWriter,
            PlanStore plans) {
        return new StepBuilder("stageDesiredRows", repository)
                .<SourceRow, StagedRow>chunk(ROWS_PER_CHUNK)
                .transactionManager(tx)
                .reader(desiredRowReader)
                .processor(desiredRowStager)
                .writer(stagedRowWriter)
                .listener(new StepExecutionListener() {
                    @Override
                    public ExitStatus afterStep(StepExecution step) {
                        plans.setRowsRead(step.getJobParameters().getString(PLAN_ID), step.getReadCount(),
                                step.getFilterCount());
                        return step.getExitStatus();
                    }
                })
                .build();
    }

    /**
     * One partition's customers: every {@code parts}-th group of the plan, starting at {@code part}. A customer's
     * rows are always planned together, in one partition, since its seats are shared by all of them.
     */
    @Bean
    @StepScope
    public ListItemReader<String> customerGroupReader(@Value(PLAN_ID_PARAMETER) String planId,
            @Value("#{stepExecution.executionContext.getInt('part')}") int part,
            @Value("#{stepExecution.executionContext.getInt('parts')}") int parts, PlanStore plans) {
        List<String> groups = plans.customerGroups(planId);
        List<String> mine = new ArrayList<>();
        for (int i = part; i < groups.size(); i += parts) {
            mine.add(groups.get(i));
        }
        return new ListItemReader<>(mine);
    }

    @Bean
    @StepScope
    public CustomerGroupPlanner customerGroupPlanner(@Value(PLAN_ID_PARAMETER) String planId, PlanStore plans,
            Directory directory, GdapPolicy policy, RoleCatalog roles, ProductCatalog products,
            SettingNames settingNames) {
        PlanRecord plan = plans.get(planId);
        // The plan's creation time is its "now": GDAP end dates and NCE windows are judged as of the review.
        CustomerPlanner planner = new CustomerPlanner(policy, roles, products, plan.createdAt(),
                plan.additive(), settingNames);
        return new CustomerGroupPlanner(plan, plans, directory, planner);
    }

    @Bean
    @StepScope
    public PlannedCustomerWriter plannedCustomerWriter(@Value(PLAN_ID_PARAMETER) String planId, PlanStore plans) {
        return new PlannedCustomerWriter(planId, plans);
    }

    /** Customers are independent of each other, so they are planned in parallel, one partition per thread. */
    @Bean
    public Step planCustomers(JobRepository repository, Step planCustomerPartition,
            ReconcileSettings settings) {
        int threads = settings.threads();
        return new StepBuilder("planCustomers", repository)
                .partitioner(planCustomerPartition.getName(), Partitions.of(threads))
                .step(planCustomerPartition)
                .gridSize(threads)
                .taskExecutor(Partitions.executor("plan-", threads))
                .build();
    }

    @Bean
    public Step planCustomerPartition(JobRepository repository, PlatformTransactionManager tx,
            ListItemReader<String> customerGroupReader, CustomerGroupPlanner customerGroupPlanner,
            PlannedCustomerWriter plannedCustomerWriter) {
        return new StepBuilder("planCustomerPartition", repository)
                .<String, PlannedCustomer>chunk(CUSTOMERS_PER_CHUNK)
                .transactionManager(tx)
                .reader(customerGroupReader)
                .processor(customerGroupPlanner)
                .writer(plannedCustomerWriter)
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
