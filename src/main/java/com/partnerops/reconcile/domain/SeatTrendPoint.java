package com.partnerops.reconcile.domain;

import java.time.Instant;

/** A customer's seats, all SKUs together, as one import found them: a point of its trend chart. */
public record SeatTrendPoint(Instant importedAt, SeatCounts seats) {
}
