package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.apply.ApplyRules;
import java.time.Duration;
import picocli.CommandLine.Option;

/** What {@code apply} and {@code run} insist on before changing anything. */
public class ApplyOptions {

    @Option(names = "--max-plan-age", paramLabel = "AGE", converter = DurationConverter.class,
            description = "Refuse a reviewed plan older than this, e.g. 24h, 90m, 3d. Default: 24h.")
    Duration maxPlanAge = ApplyRules.DEFAULT_MAX_PLAN_AGE;

    @Option(names = "--max-removals", paramLabel = "N",
            description = "Per customer: apply nothing when the plan removes more licenses and roles than this."
                    + " Default: 500.")
    int maxRemovals = ApplyRules.DEFAULT_MAX_REMOVALS;

    @Option(names = "--max-removal-percent", paramLabel = "P",
            description = "Per customer: apply nothing when the plan removes more than P% of the licenses and"
                    + " roles its users hold. Default: no such limit.")
    Integer maxRemovalPercent;

    @Option(names = "--allow-large-removals",
            description = "The removals are meant: lift --max-removals and --max-removal-percent for this apply.")
    boolean allowLargeRemovals;

    ApplyRules rules() {
        return new ApplyRules(maxPlanAge, maxRemovals, maxRemovalPercent, allowLargeRemovals);
    }
}
