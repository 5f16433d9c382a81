package com.partnerops.reconcile.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a license as a spreadsheet writes it into the SKU part number of one customer's subscription.
 *
 * <p>The customer's own subscriptions come first: their SKU part number or product name (case-insensitive), which is
 * how software purchases and marketplace SaaS offers resolve, since Microsoft's table does not list them. Then the
 * {@link ProductCatalog}: SKU part number, SKU id, display name. A display name several SKUs share resolves to the one
 * the customer has a subscription for, if exactly one. A name the catalog knows but the customer has no subscription
 * for still resolves (to the catalog's SKU part number): the planner rejects it with {@link ReasonCode#UNKNOWN_SKU}.
 */
public final class LicenseNames {

    /** What the admin center's {@code Licenses} column says for a user with no license. */
    public static final String UNLICENSED = "Unlicensed";

    /** The outcome for one written name. */
    public sealed interface Result {
    }

    /** The name is this SKU (spelled as the customer's subscription spells it, if the customer has one). */
    public record Resolved(String skuPartNumber) implements Result {
    }

    /** The name cannot be resolved; {@code message} says why, ready for the report. */
    public record Unresolved(String message) implements Result {
    }

    private final ProductCatalog catalog;
    /** name key -> the customer's SKU part numbers, for SKU part numbers first, then product names */
    private final Map<String, String> customerSkus = new LinkedHashMap<>();
    private final Map<String, Set<String>> customerProductNames = new LinkedHashMap<>();
    private final List<Subscription> subscriptions;
    /**
     * Display names that may appear in an admin center {@code Licenses} cell, longest first; built on first use,
     * since a plan makes one of these per customer and most never split such a cell.
     */
    private List<String> knownDisplayNames;

    public LicenseNames(List<Subscription> customerSubscriptions, ProductCatalog catalog) {
        this.catalog = catalog;
        this.subscriptions = List.copyOf(customerSubscriptions);
        for (Subscription subscription : subscriptions) {
            if (Names.isBlank(subscription.skuPartNumber())) {
                continue;
            }
            customerSkus.putIfAbsent(ProductCatalog.nameKey(subscription.skuPartNumber()),
                    subscription.skuPartNumber().strip());
            if (!Names.isBlank(subscription.productName())) {
                customerProductNames.computeIfAbsent(ProductCatalog.nameKey(subscription.productName()),
                        k -> new LinkedHashSet<>()).add(subscription.skuPartNumber().strip());
            }
        }
    }

    private List<String> knownDisplayNames() {
        if (knownDisplayNames == null) {
            Set<String> names = new LinkedHashSet<>();
            subscriptions.stream().map(Subscription::productName).filter(name -> !Names.isBlank(name))
                    .forEach(name -> names.add(ProductCatalog.clean(name)));
            catalog.products().forEach(product -> names.add(ProductCatalog.clean(product.displayName())));
            knownDisplayNames = names.stream().filter(name -> !name.isEmpty())
                    .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
        return knownDisplayNames;
    }

    public Result resolve(String written) {
        String key = ProductCatalog.nameKey(written);
        if (key.isEmpty()) {
            return new Unresolved("no license named (the cell is empty)");
        }
        String quoted = "'" + ProductCatalog.clean(written) + "'";
        String sku = customerSkus.get(key);
        if (sku != null) {
            return new Resolved(sku);
        }
        Set<String> named = customerProductNames.get(key);
        if (named != null) {
            return named.size() == 1 ? new Resolved(named.iterator().next())
                    : new Unresolved(quoted + " names several products (" + String.join(", ", named)
                            + "): use the SKU part number");
        }
        ProductCatalog.Resolution resolution = catalog.resolve(written);
        if (resolution instanceof ProductCatalog.Found found) {
            return new Resolved(customerSpelling(found.product().skuPartNumber()));
        }
        if (resolution instanceof ProductCatalog.Ambiguous ambiguous) {
            Set<String> candidates = ambiguous.candidates().stream().map(ProductCatalog.Product::skuPartNumber)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (candidates.size() == 1) {
                return new Resolved(customerSpelling(candidates.iterator().next()));
            }
            List<String> held = candidates.stream().filter(candidate -> customerSkus.containsKey(Names.key(
                    candidate))).toList();
            if (held.size() == 1) {
                return new Resolved(customerSpelling(held.get(0)));
            }
            return new Unresolved(quoted + " names several products (" + String.join(", ", candidates)
                    + "): use the SKU part number");
        }
        NearestNames nearest = new NearestNames(written);
        for (Subscription subscription : subscriptions) {
            String label = Names.isBlank(subscription.productName()) ? subscription.skuPartNumber()
                    : ProductCatalog.clean(subscription.productName()) + " (" + subscription.skuPartNumber() + ")";
            nearest.consider(subscription.skuPartNumber(), label);
            nearest.consider(subscription.productName(), label);
        }
        catalog.considerAll(nearest);
        List<String> closest = nearest.nearest();
        return new Unresolved(quoted + " is not a known product name, SKU part number or SKU id"
                + (closest.isEmpty() ? "" : "; closest: " + String.join(", ", closest)));
    }

    private String customerSpelling(String skuPartNumber) {
        return customerSkus.getOrDefault(Names.key(skuPartNumber), skuPartNumber);
    }

    /**
     * Splits the Microsoft 365 admin center export's {@code Licenses} cell into the product display names it joins
     * with {@code +}; "Unlicensed" (or an empty cell) is none. Some display names hold a {@code +} themselves
     * ("Enterprise Mobility + Security E3"), so at each position the longest known display name (catalog and the
     * customer's subscriptions) that ends at a {@code +} or the end of the cell is taken; where none fits, the text up
     * to the next {@code +} is, and {@link #resolve} then reports it. Names are returned as the cell writes them,
     * with white space tidied.
     */
    public List<String> splitAdminCenterLicenses(String cell) {
        String text = ProductCatalog.clean(cell);
        if (text.isEmpty() || text.equalsIgnoreCase(UNLICENSED)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        int position = 0;
        while (position < text.length()) {
            int end = knownNameEnd(text, position);
            if (end < 0) {
                end = text.indexOf('+', position);
                end = end < 0 ? text.length() : end;
            }
            String name = text.substring(position, end).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
            position = skipSpaces(text, end);
            if (position < text.length() && text.charAt(position) == '+') {
                position = skipSpaces(text, position + 1);
            }
        }
        return names;
    }

    /** Where the longest known display name starting at {@code start} ends, if a {@code +} or the end follows it. */
    private int knownNameEnd(String text, int start) {
        for (String name : knownDisplayNames()) {
            if (text.regionMatches(true, start, name, 0, name.length())) {
                int after = skipSpaces(text, start + name.length());
                if (after == text.length() || text.charAt(after) == '+') {
                    return start + name.length();
                }
            }
        }
        return -1;
    }

    private static int skipSpaces(String text, int position) {
        while (position < text.length() && text.charAt(position) == ' ') {
            position++;
        }
        return position;
    }
}
