package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.LicenseNames;
import com.partnerops.reconcile.domain.ProductCatalog;
import com.partnerops.reconcile.domain.Subscription;
import com.partnerops.reconcile.ingest.SourceRow;
import com.partnerops.reconcile.ingest.UnusableInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a snapshot's users name their licenses, resolved the way {@code plan} resolves desired files: per tenant, a
 * {@link LicenseNames} over that tenant's subscriptions in {@code subscriptions.csv} and the product catalog. So
 * {@code users.csv} and the admin center exports may write a SKU part number, SKU id or product display name, and
 * the store always holds the SKU part number as the customer's subscription spells it.
 *
 * <p>Subscriptions are kept in memory (a handful per tenant); users never are.
 */
public class SnapshotLicenseNames {

    /**
     * A {@link LicenseNames} indexes the whole catalog, so only the tenants used last keep one: users come grouped
     * by tenant (an export is one tenant, users.csv is usually sorted), and thousands of tenants would not fit.
     */
    private static final int RECENT_TENANTS = 16;

    private final ProductCatalog catalog;
    private final Map<String, List<Subscription>> subscriptionsByTenant = new HashMap<>();
    private final Map<String, LicenseNames> recentNames = new LinkedHashMap<>(RECENT_TENANTS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LicenseNames> eldest) {
            return size() > RECENT_TENANTS;
        }
    };

    public SnapshotLicenseNames(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    public void add(Subscription subscription) {
        subscriptionsByTenant.computeIfAbsent(subscription.tenantId(), tenant -> new ArrayList<>()).add(subscription);
        recentNames.remove(subscription.tenantId());
    }

    /** The tenant's license names: its own subscriptions first, then the catalog. */
    public LicenseNames of(String tenantId) {
        return recentNames.computeIfAbsent(tenantId,
                tenant -> new LicenseNames(subscriptionsByTenant.getOrDefault(tenant, List.of()), catalog));
    }

    /**
     * The SKU part numbers the written names stand for.
     *
     * @throws UnusableInputException naming the row, {@code column} and why (with the closest names) for the first
     *     name that resolves to no product
     */
    public Set<String> skuPartNumbers(SourceRow row, String column, String tenantId, Collection<String> written) {
        LicenseNames names = of(tenantId);
        Set<String> skus = new TreeSet<>();
        for (String name : written) {
            LicenseNames.Result result = names.resolve(name);
            if (result instanceof LicenseNames.Unresolved unresolved) {
                throw new UnusableInputException(row.file(), row.sheet(), row.rowNumber(), column,
                        unresolved.message());
            }
            skus.add(((LicenseNames.Resolved) result).skuPartNumber());
        }
        return skus;
    }

    /**
     * A service plan named by name or id, stored as the catalog names it; as written when the catalog does not know
     * the SKU or the plan, the way the planner reads a desired {@code disabledPlans} cell.
     */
    public String servicePlanName(String skuPartNumber, String written) {
        return catalog.servicePlanName(skuPartNumber, written);
    }
}
