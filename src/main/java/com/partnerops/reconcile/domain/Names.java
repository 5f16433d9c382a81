package com.partnerops.reconcile.domain;

import java.util.Locale;

/** SKU part numbers, role names and UPNs compare case-insensitively; this is the one key for that. */
public final class Names {
    private Names() {
    }

    public static String key(String name) {
        return name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
