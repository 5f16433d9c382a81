package com.partnerops.reconcile.domain;

import java.util.Locale;
import java.util.Set;

/** The ISO 3166-1 alpha-2 codes Microsoft Entra takes as a usage location. */
public final class CountryCodes {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private CountryCodes() {
    }

    /** @param code upper case, as Entra stores it */
    public static boolean isCountryCode(String code) {
        return CODES.contains(code);
    }
}
