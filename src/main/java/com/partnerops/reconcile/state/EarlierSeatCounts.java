package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.SeatCounts;
import java.util.HashMap;
import java.util.Map;

/**
 * Seat counts of earlier imports, per customer and SKU: the customer's import before its latest one ("previous")
 * and its latest import at least 30 days old ("a month ago"). Holds a few numbers per customer and SKU, never per
 * user.
 */
public final class EarlierSeatCounts {

    private final Map<String, Long> previousImport = new HashMap<>();
    private final Map<String, Long> monthAgoImport = new HashMap<>();
    private final Map<String, SeatCounts> counts = new HashMap<>();
    private final Map<String, SeatCounts> totals = new HashMap<>();

    void previousImport(String tenantId, long importSeq) {
        previousImport.put(tenantId, importSeq);
    }

    void monthAgoImport(String tenantId, long importSeq) {
        monthAgoImport.put(tenantId, importSeq);
    }

    void add(String tenantId, long importSeq, String sku, SeatCounts seats) {
        counts.put(key(tenantId, importSeq, sku), seats);
        totals.merge(tenantId + '\n' + importSeq, seats, SeatCounts::plus);
    }

    /** The customer's seats, all SKUs together, at its previous import; null when there was none. */
    public SeatCounts previousTotal(String tenantId) {
        return total(previousImport.get(tenantId), tenantId);
    }

    /** As {@link #previousTotal}, at its latest import at least 30 days old. */
    public SeatCounts monthAgoTotal(String tenantId) {
        return total(monthAgoImport.get(tenantId), tenantId);
    }

    private SeatCounts total(Long importSeq, String tenantId) {
        return importSeq == null ? null : totals.getOrDefault(tenantId + '\n' + importSeq, SeatCounts.NONE);
    }

    /** The SKU's counts at the customer's previous import; 0 seats when it had none of the SKU then, null when there was no such import. */
    public SeatCounts previous(String tenantId, String sku) {
        return at(previousImport.get(tenantId), tenantId, sku);
    }

    /** As {@link #previous}, at the customer's latest import at least 30 days old. */
    public SeatCounts monthAgo(String tenantId, String sku) {
        return at(monthAgoImport.get(tenantId), tenantId, sku);
    }

    private SeatCounts at(Long importSeq, String tenantId, String sku) {
        if (importSeq == null) {
            return null;
        }
        return counts.getOrDefault(key(tenantId, importSeq, sku), SeatCounts.NONE);
    }

    private static String key(String tenantId, long importSeq, String sku) {
        return tenantId + '\n' + importSeq + '\n' + sku;
    }
}
