package com.partnerops.reconcile.apply;

import com.partnerops.reconcile.domain.PlannedChange;

/** A PLANNED row of a plan, as the admin reviewed it. */
public record ReviewedLine(long seq, PlannedChange change) {
}
