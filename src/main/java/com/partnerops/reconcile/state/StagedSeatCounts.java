package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.SeatCounts;
import com.partnerops.reconcile.domain.Subscription;
import com.partnerops.reconcile.domain.SubscriptionKind;
import java.util.HashMap;
import java.util.Map;

/**
 * A snapshot's seat counts per customer and SKU, added up as its rows are staged, for the seat history: counting
 * them afterwards meant grouping every staged license row again (about 12% of a 100,000-user import). The same
 * figures as {@link SeatHistory#recordStagedImport}: purchased counts the seats of usable (active, grace-period)
 * LICENSE and SAAS subscriptions, assigned the users holding the SKU; a SKU only one of them names counts too.
 */
public final class StagedSeatCounts {

    private final Map<String, Map<String, int[]>> bySku = new HashMap<>();

    void add(Subscription subscription) {
        boolean seats = subscription.status().seatsUsable() && (subscription.kind() == SubscriptionKind.LICENSE
                || subscription.kind() == SubscriptionKind.SAAS);
        counts(subscription.tenantId(), subscription.skuPartNumber())[0] += seats ? subscription.quantity() : 0;
    }

    void add(DirectoryUser user) {
        for (String sku : user.licenses()) {
            counts(user.tenantId(), sku)[1]++;
        }
    }

    /** Each customer's and SKU's counts, as (tenant id, SKU, counts). */
    void forEach(TriConsumer each) {
        bySku.forEach((tenant, skus) -> skus.forEach((sku, counts) ->
                each.accept(tenant, sku, new SeatCounts(counts[0], counts[1]))));
    }

    interface TriConsumer {
        void accept(String tenantId, String sku, SeatCounts counts);
    }

    private int[] counts(String tenantId, String sku) {
        return bySku.computeIfAbsent(tenantId, t -> new HashMap<>()).computeIfAbsent(sku, s -> new int[2]);
    }
}
