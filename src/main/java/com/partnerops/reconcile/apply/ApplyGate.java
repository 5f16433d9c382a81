package com.partnerops.reconcile.apply;

import com.partnerops.reconcile.ReconcileSettings;
import com.partnerops.reconcile.plan.PlanDigest;
import com.partnerops.reconcile.plan.PlanRecord;
import com.partnerops.reconcile.plan.PlanStore;
import com.partnerops.reconcile.report.ApplyReport;
import com.partnerops.reconcile.report.ReviewReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides whether a plan may be applied at all, before anything changes: it exists, was reviewed, is not too old,
 * is still exactly what was reviewed, and does not remove more than the admin allowed.
 */
@Component
public class ApplyGate {

    private final PlanStore plans;
    private final PlanDigest digest;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Path reportsDir;

    public ApplyGate(PlanStore plans, PlanDigest digest, JdbcTemplate jdbc, Clock clock,
            ReconcileSettings settings) {
        this.plans = plans;
        this.digest = digest;
        this.jdbc = jdbc;
        this.clock = clock;
        this.reportsDir = Path.of(settings.reports());
    }

    /**
     * @throws PlanNotApplicableException when the plan cannot or need not be applied
     * @throws TooManyRemovalsException when the blast-radius guard stops it
     */
    public void check(String planId, ApplyRules rules) {
        PlanRecord plan = plans.find(planId).orElseThrow(() -> new PlanNotApplicableException("no plan " + planId
                + " in this store; plan ids are printed by 'plan' and name the folders under " + reportsDir, false));
        switch (plan.state()) {
            case PlanRecord.PLANNED -> {
                checkAge(plan, rules.maxPlanAge());
                checkUnaltered(plan);
                if (!rules.allowLargeRemovals()) {
                    checkRemovals(planId, rules);
                }
            }
            // An apply that stopped half-way resumes: its age and removals were accepted when it began, and each
            // remaining user is still checked against the state they were planned from.
            case PlanRecord.APPLYING -> checkUnaltered(plan);
            case PlanRecord.APPLIED -> throw new PlanNotApplicableException("plan " + planId
                    + " was applied already; nothing was applied again. See "
                    + reportsDir.resolve(planId).resolve(ApplyReport.APPLY_CSV), true);
            default -> throw new PlanNotApplicableException("plan " + planId + " is " + plan.state()
                    + ": its review was never completed, so there is nothing reviewed to apply. Plan again.", false);
        }
    }

    private void checkAge(PlanRecord plan, Duration maxAge) {
        Duration age = Duration.between(plan.createdAt(), Instant.now(clock));
        if (age.compareTo(maxAge) > 0) {
            throw new PlanNotApplicableException("plan " + plan.planId() + " was made " + describe(age)
                    + " ago (" + plan.createdAt() + "); plans older than " + describe(maxAge) + " are refused because"
                    + " the tenants have moved on since. Plan again, or pass --max-plan-age to accept it.", false);
        }
    }

    private void checkUnaltered(PlanRecord plan) {
        Path review = reportsDir.resolve(plan.planId()).resolve(ReviewReport.PLAN_CSV);
        if (!plan.rowsDigest().equals(digest.ofPlannedRows(plan.planId()))) {
            throw new PlanNotApplicableException("plan " + plan.planId() + " was altered in the store after its"
                    + " review was written; what would run is not what was reviewed. Plan again.", false);
        }
        if (!Files.isRegularFile(review)) {
            throw new PlanNotApplicableException("the review of plan " + plan.planId() + " (" + review + ") is"
                    + " missing; only a plan whose review can be read is applied. Pass the --reports folder the plan"
                    + " was written to, or plan again.", false);
        }
        if (!plan.reviewDigest().equals(PlanDigest.ofFile(review))) {
            throw new PlanNotApplicableException(review + " was edited after it was written; apply runs the plan"
                    + " as reviewed, never an edited copy. To change what is applied, change the input files and"
                    + " plan again.", false);
        }
    }

    /** Removals per customer against the guard's limits; every customer over a limit is named. */
    private void checkRemovals(String planId, ApplyRules rules) {
        List<String> over = new ArrayList<>();
        jdbc.query("SELECT l.tenant_id, MAX(l.customer_name) AS customer_name, COUNT(*) AS removals,"
                + " (SELECT COUNT(*) FROM user_license u WHERE u.tenant_id = l.tenant_id)"
                + " + (SELECT COUNT(*) FROM user_role r WHERE r.tenant_id = l.tenant_id) AS held"
                + " FROM plan_line l WHERE l.plan_id = ? AND l.status = 'PLANNED'"
                + " AND l.change_kind IN ('REMOVE_LICENSE', 'REMOVE_ROLE', 'REMOVE_SAAS_SEAT')"
                + " GROUP BY l.tenant_id ORDER BY l.tenant_id", rs -> {
                    long removals = rs.getLong("removals");
                    long held = rs.getLong("held");
                    double percent = held == 0 ? 100 : 100.0 * removals / held;
                    String customer = rs.getString("customer_name") + " (" + rs.getString("tenant_id") + ")";
                    if (removals > rules.maxRemovals()) {
                        over.add(customer + ": " + removals + " removals, more than --max-removals "
                                + rules.maxRemovals());
                    } else if (rules.maxRemovalPercent() != null && percent > rules.maxRemovalPercent()) {
                        over.add(String.format("%s: %d removals, %.0f%% of the %d licenses and roles its users"
                                + " hold, more than --max-removal-percent %d", customer, removals, percent, held,
                                rules.maxRemovalPercent()));
                    }
                }, planId);
        if (!over.isEmpty()) {
            throw new TooManyRemovalsException("plan " + planId + " removes more than allowed; nothing was applied:"
                    + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", over)
                    + System.lineSeparator() + "If these removals are meant, apply with --allow-large-removals.");
        }
    }

    private static String describe(Duration duration) {
        if (duration.toDays() >= 2) {
            return duration.toDays() + " days";
        }
        if (duration.toHours() >= 1) {
            return duration.toHours() + " h";
        }
        return duration.toMinutes() + " min";
    }
}
