package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.apply.ApplyRules;
import java.time.Duration;
import picocli.CommandLine.Option;

/** What {@code apply} and {@code run} insist on before changing anything. */
public class ApplyOptions {

    @Option(names = "--max-plan-age", paramLabel = "AGE", converter = DurationConverter.class,
            description = "Refuse a reviewed plan older than this, e.g. 24h, 90m, 3d. Default: 24h"
                    + " (reconcile.guard.max-plan-age).")
    Duration maxPlanAge;

    @Option(names = "--max-removals", paramLabel = "N",
            description = "Per customer: apply nothing when the plan removes more licenses and roles than this."
                    + " Default: 500 (reconcile.guard.max-removals).")
    Integer maxRemovals;

    @Option(names = "--max-removal-percent", paramLabel = "P",
            description = "Per customer: apply nothing when the plan removes more than P% of the licenses and"
                    + " roles its users hold. Default: no such limit (reconcile.guard.max-removal-percent).")
    Integer maxRemovalPercent;

    @Option(names = "--allow-large-removals",
            description = "The removals are meant: lift --max-removals and --max-removal-percent for this apply.")
    boolean allowLargeRemovals;

    /** The settings' guard, with what this command's options say instead. */
    ApplyRules rules(ApplyRules settings) {
        return new ApplyRules(maxPlanAge != null ? maxPlanAge : settings.maxPlanAge(),
                maxRemovals != null ? maxRemovals : settings.maxRemovals(),
                maxRemovalPercent != null ? maxRemovalPercent : settings.maxRemovalPercent(), allowLargeRemovals);
    }
}
