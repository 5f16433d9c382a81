package com.partnerops.reconcile.graph;

import static com.partnerops.reconcile.graph.LiveJson.date;
import static com.partnerops.reconcile.graph.LiveJson.text;

import com.partnerops.reconcile.domain.Program;
import com.partnerops.reconcile.domain.Subscription;
import com.partnerops.reconcile.domain.SubscriptionKind;
import com.partnerops.reconcile.domain.SubscriptionStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Graph's subscriptions joined with Partner Center's: Graph says the SKU, seats and status
 * ({@code /directory/subscriptions}, {@code /subscribedSkus}); Partner Center, matched by
 * {@code commerceSubscriptionId}, says NCE or legacy, the term and the offer's name. Marketplace SaaS exists only
 * in Partner Center: its seats are assigned in the publisher's portal.
 */
final class SubscriptionMapping {

    private static final String NCE = "OnlineServicesNCE";

    private SubscriptionMapping() {
    }

    static List<Subscription> map(String tenant, TenantSkus skus, List<JsonNode> directory,
            List<JsonNode> partnerCenter) {
        Map<String, JsonNode> commerce = new HashMap<>();
        partnerCenter.forEach(s -> commerce.put(text(s, "id").toLowerCase(Locale.ROOT), s));
        List<Subscription> subscriptions = new ArrayList<>();
        for (JsonNode s : directory) {
            String commerceId = text(s, "commerceSubscriptionId");
            JsonNode offer = commerce.get(commerceId.toLowerCase(Locale.ROOT));
            String skuId = text(s, "skuId");
            String sku = text(s, "skuPartNumber").isEmpty() ? skus.partNumber(skuId) : text(s, "skuPartNumber");
            subscriptions.add(new Subscription(tenant, commerceId.isEmpty() ? text(s, "id") : commerceId, sku,
                    offer == null ? "" : text(offer, "offerName"),
                    "Company".equalsIgnoreCase(skus.appliesTo(skuId)) ? SubscriptionKind.ADDON
                            : SubscriptionKind.LICENSE,
                    program(offer), s.path("totalLicenses").asInt(0), graphStatus(text(s, "status")),
                    offer != null && date(offer, "effectiveStartDate") != null ? date(offer, "effectiveStartDate")
                            : date(s, "createdDateTime"),
                    offer != null && date(offer, "commitmentEndDate") != null ? date(offer, "commitmentEndDate")
                            : date(s, "nextLifecycleDateTime"),
                    "", offer == null ? null : refundable(offer)));
        }
        for (JsonNode offer : partnerCenter) {
            if (offer.path("isMicrosoftProduct").isBoolean() && !offer.path("isMicrosoftProduct").asBoolean()
                    && "license".equalsIgnoreCase(text(offer, "billingType"))) {
                subscriptions.add(new Subscription(tenant, text(offer, "id"), text(offer, "offerId"),
                        text(offer, "offerName"), SubscriptionKind.SAAS, program(offer),
                        offer.path("quantity").asInt(0), partnerCenterStatus(text(offer, "status")),
                        date(offer, "effectiveStartDate"), date(offer, "commitmentEndDate"), ""));
            }
        }
        return subscriptions;
    }

    /**
     * The marketplace SaaS offers among Partner Center's subscriptions, by offer id in lower case: their names and
     * publishers, for apply's hand-off list.
     */
    static Map<String, SaasHandoffs.Offer> saasOffers(List<JsonNode> partnerCenter) {
        Map<String, SaasHandoffs.Offer> offers = new HashMap<>();
        for (JsonNode offer : partnerCenter) {
            if (offer.path("isMicrosoftProduct").isBoolean() && !offer.path("isMicrosoftProduct").asBoolean()) {
                offers.put(text(offer, "offerId").toLowerCase(Locale.ROOT), new SaasHandoffs.Offer(
                        text(offer, "offerName"), publisherOf(text(offer, "offerId"), text(offer, "publisherName"))));
            }
        }
        return offers;
    }

    /**
     * Partner Center's {@code publisherName}; without one, the publisher part of a marketplace offer id
     * ({@code publisher.offer}).
     */
    static String publisherOf(String offerId, String publisherName) {
        if (publisherName != null && !publisherName.isBlank()) {
            return publisherName;
        }
        int dot = offerId.indexOf('.');
        return dot > 0 ? offerId.substring(0, dot) : "the publisher";
    }

    /**
     * Partner Center's {@code refundableQuantity}: the seats that can still be reduced with a refund, until the
     * earliest of their return windows (a later window's seats are not all reducible that long); null when absent.
     */
    static Subscription.Refundable refundable(JsonNode offer) {
        JsonNode refundable = offer.path("refundableQuantity");
        if (!refundable.isObject()) {
            return null;
        }
        LocalDate until = null;
        for (JsonNode window : refundable.path("details")) {
            LocalDate end = date(window, "allowedUntilDateTime");
            if (window.path("quantity").asInt(0) > 0 && end != null && (until == null || end.isBefore(until))) {
                until = end;
            }
        }
        int seats = refundable.path("totalQuantity").asInt(0);
        return new Subscription.Refundable(until == null ? 0 : seats, until);
    }

    /** NCE only when Partner Center says so; a subscription it does not know is treated as legacy. */
    private static Program program(JsonNode offer) {
        return offer != null && NCE.equalsIgnoreCase(text(offer.path("productType"), "id")) ? Program.NCE
                : Program.LEGACY;
    }

    private static SubscriptionStatus graphStatus(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "enabled" -> SubscriptionStatus.ACTIVE;
            case "warning" -> SubscriptionStatus.WARNING;
            case "suspended", "lockedout" -> SubscriptionStatus.SUSPENDED;
            default -> SubscriptionStatus.EXPIRED;
        };
    }

    private static SubscriptionStatus partnerCenterStatus(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "active" -> SubscriptionStatus.ACTIVE;
            case "suspended" -> SubscriptionStatus.SUSPENDED;
            default -> SubscriptionStatus.EXPIRED;
        };
    }
}
