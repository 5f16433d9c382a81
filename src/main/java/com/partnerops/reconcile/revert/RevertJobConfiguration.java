package com.partnerops.reconcile.revert;

import com.partnerops.reconcile.domain.GdapPolicy;
import com.partnerops.reconcile.domain.ProductCatalog;
import com.partnerops.reconcile.domain.RevertPlanner;
import com.partnerops.reconcile.plan.PlanJobConfiguration;
import com.partnerops.reconcile.plan.PlanRecord;
import com.partnerops.reconcile.plan.PlanStore;
import com.partnerops.reconcile.plan.PlannedCustomer;
import com.partnerops.reconcile.plan.PlannedCustomerWriter;
import com.partnerops.reconcile.plan.RevertOrigin;
import com.partnerops.reconcile.state.Directory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code revert}: plan, customer by customer, the changes that take back what an applied plan did, then write the
 * review report exactly as {@code plan} does, so the revert is reviewed and applied like any plan. The caller
 * creates the plan record and its {@link RevertOrigin}; the job gets the new plan's id.
 */
@Configuration
public class RevertJobConfiguration {

    public static final String JOB_NAME = "revertJob";
    private static final String PLAN_ID_PARAMETER = "#{jobParameters['" + PlanJobConfiguration.PLAN_ID + "']}";
    private static final int CUSTOMERS_PER_CHUNK = 10;

    @Bean
    public Job revertJob(JobRepository repository, Step planReversals,
            @Qualifier("writeReviewReport") Step writeReviewReport) {
        return new JobBuilder(JOB_NAME, repository).start(planReversals).next(writeReviewReport).build();
    }

    @Bean
    @StepScope
    public ListItemReader<String> revertedCustomerReader(@Value(PLAN_ID_PARAMETER) String planId, PlanStore plans,
            AppliedChangeLog log) {
        PlanRecord plan = plans.get(planId);
        RevertOrigin origin = plans.revertOrigin(planId).orElseThrow();
        return new ListItemReader<>(log.customers(origin.revertedPlanId(), plan.customers(), origin.users()));
    }

    @Bean
    @StepScope
    public CustomerReversalPlanner customerReversalPlanner(@Value(PLAN_ID_PARAMETER) String planId, PlanStore plans,
            AppliedChangeLog log, Directory directory, GdapPolicy policy, ProductCatalog products) {
        PlanRecord plan = plans.get(planId);
        RevertOrigin origin = plans.revertOrigin(planId).orElseThrow();
        // As for any plan, its creation time is its "now": GDAP end dates are judged as of the review.
        return new CustomerReversalPlanner(origin.revertedPlanId(), origin.users(), log, directory,
                new RevertPlanner(policy, products, plan.createdAt()));
    }

    @Bean
    public Step planReversals(JobRepository repository, PlatformTransactionManager tx,
            ListItemReader<String> revertedCustomerReader, CustomerReversalPlanner customerReversalPlanner,
            PlannedCustomerWriter plannedCustomerWriter) {
        return new StepBuilder("planReversals", repository)
                .<String, PlannedCustomer>chunk(CUSTOMERS_PER_CHUNK)
                .transactionManager(tx)
                .reader(revertedCustomerReader)
                .processor(customerReversalPlanner)
                .writer(plannedCustomerWriter)
                .build();
    }
}
