package com.partnerops.reconcile.application;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.apply.ApplyGate;
import com.partnerops.reconcile.apply.ApplyJobConfiguration;
import com.partnerops.reconcile.apply.ApplyReportPublisher;
import com.partnerops.reconcile.apply.ApplyRules;
import com.partnerops.reconcile.graph.GraphImport;
import com.partnerops.reconcile.graph.GraphImportOutcome;
import com.partnerops.reconcile.ingest.UnusableInputException;
import com.partnerops.reconcile.plan.PlanIds;
import com.partnerops.reconcile.plan.PlanJobConfiguration;
import com.partnerops.reconcile.plan.PlanRecord;
import com.partnerops.reconcile.plan.PlanStore;
import com.partnerops.reconcile.plan.PublishedSummaries;
import com.partnerops.reconcile.report.ReportSummary;
import com.partnerops.reconcile.state.Directory;
import com.partnerops.reconcile.state.ImportStateJobConfiguration;
import com.partnerops.reconcile.state.StoreWriteLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The commands' work, free of argument parsing and printing: import a snapshot, make a plan, apply a plan. Imports
 * and applies hold the store's write lock while they run; plans hold none.
 */
@Component
public class Reconciler {

    private final JobRunner jobs;
    private final Job importStateJob;
    private final Job planJob;
    private final Job applyJob;
    private final PlanStore plans;
    private final ApplyReportPublisher applyReports;
    private final ApplyGate gate;
    private final Directory directory;
    private final StoreWriteLock writeLock;
    private final Clock clock;
    private final Path reportsDir;
    private final String operator;
    private final GraphImport graphImport;
    private final PublishedSummaries published;

    public Reconciler(JobRunner jobs, @Qualifier(ImportStateJobConfiguration.JOB_NAME) Job importStateJob,
            @Qualifier(PlanJobConfiguration.JOB_NAME) Job planJob,
            @Qualifier(ApplyJobConfiguration.JOB_NAME) Job applyJob, PlanStore plans, ApplyReportPublisher applyReports,
            ApplyGate gate, Directory directory, StoreWriteLock writeLock, Clock clock,
            ReconcileSettings settings, GraphImport graphImport, PublishedSummaries published) {
        this.jobs = jobs;
        this.published = published;
        this.importStateJob = importStateJob;
        this.planJob = planJob;
        this.applyJob = applyJob;
        this.plans = plans;
        this.applyReports = applyReports;
        this.gate = gate;
        this.directory = directory;
        this.writeLock = writeLock;
        this.clock = clock;
        this.reportsDir = Path.of(settings.reports());
        this.operator = settings.operatorOrSystemUser();
        this.graphImport = graphImport;
    }

    /** Rows loaded per snapshot file, e.g. "customers.csv=3". */
    public record ImportOutcome(List<String> rowsPerFile) {
    }

    /** @throws com.partnerops.reconcile.state.StoreBusyException when another import or apply holds the store */
    public ImportOutcome importState(Path dir) {
        JobExecution execution = writeLock.whileHeld("import-state " + dir, () -> jobs.run(importStateJob,
                new JobParametersBuilder()
                        .addString(ImportStateJobConfiguration.STATE_DIR, dir.toString())
                        // Each import is a new job instance: the same directory may be imported again after it
                        // changed.
                        .addString("importedAt", Instant.now(clock).toString() + "/" + System.nanoTime())
                        .toJobParameters()));
        List<String> counts = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().startsWith("load:")) {
                counts.add(step.getStepName().substring("load:".length()).toLowerCase() + "=" + step.getWriteCount());
            }
        }
        return new ImportOutcome(counts);
    }

    /**
     * Reads the current state live from Partner Center and Microsoft Graph, customer by customer; a customer that
     * cannot be read keeps its previous state and is named in the outcome.
     *
     * @param customers tenant ids, domains or names; empty for every customer of the partner
     * @param progress told (customers read, total) as the read goes
     * @throws com.partnerops.reconcile.state.StoreBusyException when another import or apply holds the store
     */
    public GraphImportOutcome importFromGraph(List<String> customers,
            java.util.function.BiConsumer<Integer, Integer> progress) {
        return writeLock.whileHeld("import-state --from graph", () -> graphImport.run(customers, progress));
    }

    public record PlanOutcome(String planId, ReportSummary summary, Path reportDir) {
        public long count(String status) {
            return summary.statusCounts().getOrDefault(status, 0L);
        }
    }

    /** Makes a plan and writes its review; nothing in the directory changes. */
    public PlanOutcome plan(PlanRequest request) {
        return makePlan(begin(request));
    }

    /**
     * The first half of {@link #plan}, for a caller that shows progress: checks the request and records the plan.
     *
     * @return the new plan's id, to pass to {@link #makePlan}
     */
    public String begin(PlanRequest request) {
        List<String> inputs = new ArrayList<>();
        for (Path file : request.files()) {
            if (Files.isDirectory(file)) {
                throw new UnusableInputException(file.toString(), null, 0, null,
                        "is a folder, not a file: name the files in it");
            }
            if (!Files.exists(file)) {
                throw new UnusableInputException(file.toString(), null, 0, null, "no such file");
            }
            if (!Files.isRegularFile(file)) {
                throw UnusableInputException.notARegularFile(file.toString());
            }
            if (!Files.isReadable(file)) {
                throw new UnusableInputException(file.toString(), null, 0, null,
                        "the file cannot be read (check its permissions)");
            }
            inputs.add(file.toString());
        }
        if (new LinkedHashSet<>(inputs).size() < inputs.size()) {
            throw new UnusableInputException(inputs.get(0), null, 0, null,
                    "the same file is given twice; each input is read once");
        }
        List<String> tenants = CustomerReferences.resolve(directory, request.customers());
        Instant now = Instant.now(clock);
        String planId = PlanIds.next(now);
        plans.create(new PlanRecord(planId, now, inputs, request.options(), request.sheet(), tenants,
                request.additive(), PlanRecord.PLANNING, 0, 0, null, null, List.of(),
                Objects.requireNonNullElse(request.submittedBy(), operator), request.scope()));
        return planId;
    }

    /** The second half of {@link #plan}: reads the inputs, plans every customer, writes the review. */
    public PlanOutcome makePlan(String planId) {
        try {
            jobs.run(planJob, planParameters(planId));
        } catch (RuntimeException e) {
            plans.setState(planId, PlanRecord.FAILED);
            throw e;
        }
        return new PlanOutcome(planId, published.take(PublishedSummaries.Report.REVIEW, planId)
                .orElseGet(() -> plans.summary(planId)), reportsDir.resolve(planId));
    }

    public record ApplyOutcome(String planId, ReportSummary summary, Path reportDir) {
        public long count(String status) {
            return summary.statusCounts().getOrDefault(status, 0L);
        }
    }

    /**
     * Applies exactly the PLANNED rows of a reviewed plan; resumes an apply that stopped half-way.
     *
     * @throws com.partnerops.reconcile.apply.PlanNotApplicableException when the gate refuses the plan
     * @throws com.partnerops.reconcile.apply.TooManyRemovalsException when the blast-radius guard stops it
     * @throws com.partnerops.reconcile.state.StoreBusyException when another import or apply holds the store
     */
    public ApplyOutcome apply(String planId, ApplyRules rules) {
        return apply(planId, rules, operator);
    }

    /** @param finishedBy who applies it, as the plan and every audit row name them: a web account, the operator */
    public ApplyOutcome apply(String planId, ApplyRules rules, String finishedBy) {
        // Before the gate: what it checks (the plan not applied yet) must still hold when the job runs.
        return writeLock.whileHeld("apply " + planId, () -> {
            gate.check(planId, rules);
            plans.setFinishedBy(planId, finishedBy);
            jobs.run(applyJob, planParameters(planId));
            return new ApplyOutcome(planId, published.take(PublishedSummaries.Report.APPLY, planId)
                    .orElseGet(() -> applyReports.summary(planId)), reportsDir.resolve(planId));
        });
    }

    private static JobParameters planParameters(String planId) {
        return new JobParametersBuilder().addString(PlanJobConfiguration.PLAN_ID, planId).toJobParameters();
    }

}
