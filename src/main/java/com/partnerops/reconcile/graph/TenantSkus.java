package com.partnerops.reconcile.graph;

import static com.partnerops.reconcile.graph.LiveJson.text;

import com.partnerops.reconcile.domain.ProductCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's {@code subscribedSkus}: SKU ids to part numbers, and service plan ids to names, as the store keeps
 * them.
 */
final class TenantSkus {

    private final Map<String, JsonNode> byId = new HashMap<>();
    private final Map<String, String> planNames = new HashMap<>();
    private final ProductCatalog catalog;

    TenantSkus(List<JsonNode> skus, ProductCatalog catalog) {
        this.catalog = catalog;
        for (JsonNode sku : skus) {
            byId.put(text(sku, "skuId"), sku);
            sku.path("servicePlans").forEach(plan -> planNames.put(text(plan, "servicePlanId"),
                    text(plan, "servicePlanName")));
        }
    }

    /** The SKU's part number; its id when the tenant does not list it (a license of a SKU since removed). */
    String partNumber(String skuId) {
        JsonNode sku = byId.get(skuId);
        return sku == null ? skuId : text(sku, "skuPartNumber");
    }

    /** {@code User} or {@code Company}; User when Graph does not say. */
    String appliesTo(String skuId) {
        JsonNode sku = byId.get(skuId);
        return sku == null || text(sku, "appliesTo").isEmpty() ? "User" : text(sku, "appliesTo");
    }

    /** A disabled plan by name, spelled as the catalog spells it (as a snapshot's disabledPlans are stored). */
    String servicePlanName(String skuPartNumber, String planId) {
        return catalog.servicePlanName(skuPartNumber, planNames.getOrDefault(planId, planId));
    }

    /** The SKU id of a part number, as assignLicense takes it; the part number itself when the tenant has none. */
    String skuId(String partNumber) {
        return byId.values().stream().filter(sku -> text(sku, "skuPartNumber").equalsIgnoreCase(partNumber))
                .map(sku -> text(sku, "skuId")).findFirst().orElse(partNumber);
    }

    /** A service plan's id in the SKU, by the name the store keeps (the catalog's spelling); the name when unknown. */
    String servicePlanId(String partNumber, String planName) {
        JsonNode sku = byId.get(skuId(partNumber));
        if (sku != null) {
            for (JsonNode plan : sku.path("servicePlans")) {
                String name = text(plan, "servicePlanName");
                if (name.equalsIgnoreCase(planName) || catalog.servicePlanName(partNumber, name)
                        .equalsIgnoreCase(planName)) {
                    return text(plan, "servicePlanId");
                }
            }
        }
        return planName;
    }

    /** Users holding each SKU now, by part number: Graph's consumedUnits, group assignments included. */
    java.util.Map<String, Integer> consumed() {
        java.util.Map<String, Integer> consumed = new HashMap<>();
        byId.values().forEach(sku -> consumed.merge(text(sku, "skuPartNumber"), sku.path("consumedUnits").asInt(0),
                Integer::sum));
        return consumed;
    }
}
