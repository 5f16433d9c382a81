package com.partnerops.reconcile.domain;

import java.util.Map;
import java.util.Optional;

/**
 * Prices per seat and month, by SKU part number or product name (matched as {@link Names#key}), all in one
 * currency so that costs add up. {@link #NONE} when no price list was given: the report shows seat counts only.
 *
 * @param source the file the prices came from, for the report; null for {@link #NONE}
 */
public record PriceList(String source, String currency, Map<String, SeatPrice> bySku,
        Map<String, SeatPrice> byProductName) {

    public static final PriceList NONE = new PriceList(null, null, Map.of(), Map.of());

    public PriceList {
        bySku = Map.copyOf(bySku);
        byProductName = Map.copyOf(byProductName);
    }

    public boolean given() {
        return source != null;
    }

    /** The SKU part number's price, else the product name's. */
    public Optional<SeatPrice> priceOf(String sku, String productName) {
        SeatPrice price = bySku.get(Names.key(sku));
        if (price == null && productName != null) {
            price = byProductName.get(Names.key(productName));
        }
        return Optional.ofNullable(price);
    }
}
