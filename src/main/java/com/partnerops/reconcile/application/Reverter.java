package com.partnerops.reconcile.application;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.ingest.UnusableInputException;
import com.partnerops.reconcile.plan.PlanIds;
import com.partnerops.reconcile.plan.PlanJobConfiguration;
import com.partnerops.reconcile.plan.PlanRecord;
import com.partnerops.reconcile.plan.PlanStore;
import com.partnerops.reconcile.plan.PublishedSummaries;
import com.partnerops.reconcile.plan.RevertOrigin;
import com.partnerops.reconcile.revert.AppliedChangeLog;
import com.partnerops.reconcile.revert.RevertJobConfiguration;
import com.partnerops.reconcile.state.Directory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Undo: a new plan, with its own review, whose rows restore what an applied plan changed. It is applied like any
 * plan, so it passes the same guard, drift check and audit. Like a plan, it holds no lock and changes nothing.
 */
@Component
public class Reverter {

    /** Each UPN is at most 320 characters: this many always fit the store's 1,000,000 characters. */
    static final int MAX_USER_OPTIONS = 1000;

    private final JobRunner jobs;
    private final Job revertJob;
    private final PlanStore plans;
    private final AppliedChangeLog log;
    private final Directory directory;
    private final Clock clock;
    private final Path reportsDir;
    private final String operator;
    private final PublishedSummaries published;

    public Reverter(JobRunner jobs, @Qualifier(RevertJobConfiguration.JOB_NAME) Job revertJob, PlanStore plans,
            AppliedChangeLog log, Directory directory, Clock clock, ReconcileSettings settings,
            PublishedSummaries published) {
        this.jobs = jobs;
        this.published = published;
        this.revertJob = revertJob;
        this.plans = plans;
        this.log = log;
        this.directory = directory;
        this.clock = clock;
        this.reportsDir = Path.of(settings.reports());
        this.operator = settings.operatorOrSystemUser();
    }

    /** @throws UnusableInputException when the plan is unknown or applied nothing the selection names */
    public Reconciler.PlanOutcome revert(RevertRequest request) {
        String reverted = request.planId().trim();
        if (plans.find(reverted).isEmpty()) {
            throw new UnusableInputException("plan " + reverted, null, 0, null, "no such plan in this store; plan"
                    + " ids are printed by 'plan' and name the folders under " + reportsDir);
        }
        if (request.users().size() > MAX_USER_OPTIONS) {
            throw new UnusableInputException("--user", null, 0, null, "given " + request.users().size()
                    + " times; at most " + MAX_USER_OPTIONS + ": revert per customer, or in several runs");
        }
        List<String> tenants = CustomerReferences.resolve(directory, request.customers());
        List<String> users = request.users().stream().map(String::trim).distinct().toList();
        RevertOrigin origin = log.origin(reverted, tenants, users).orElseThrow(() -> new UnusableInputException(
                "plan " + reverted, null, 0, null, nothingApplied(tenants, users)));
        Instant now = Instant.now(clock);
        String planId = PlanIds.next(now);
        plans.create(new PlanRecord(planId, now, List.of(), request.options(), null, tenants, false,
                PlanRecord.PLANNING, 0, 0, null, null, List.of(),
                Objects.requireNonNullElse(request.submittedBy(), operator), List.of()));
        plans.recordRevertOrigin(planId, origin);
        plans.setRowsRead(planId, log.count(reverted, tenants, users), 0);
        try {
            jobs.run(revertJob, new JobParametersBuilder().addString(PlanJobConfiguration.PLAN_ID, planId)
                    .toJobParameters());
        } catch (RuntimeException e) {
            plans.setState(planId, PlanRecord.FAILED);
            throw e;
        }
        return new Reconciler.PlanOutcome(planId, published.take(PublishedSummaries.Report.REVIEW, planId)
                .orElseGet(() -> plans.summary(planId)), reportsDir.resolve(planId));
    }

    private static String nothingApplied(List<String> tenants, List<String> users) {
        String selection = tenants.isEmpty() && users.isEmpty() ? ""
                : " to the customers and users named (" + String.join(", ", tenants)
                        + (tenants.isEmpty() || users.isEmpty() ? "" : "; ") + String.join(", ", users) + ")";
        return "applied no change" + selection + ", so there is nothing to revert (the history of the plan shows what it"
                + " applied)";
    }
}
