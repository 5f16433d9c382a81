package com.partnerops.reconcile.ingest;

import java.util.Locale;

/** Header cells match case-insensitively, ignoring spaces, underscores and hyphens: "User principal name" = "userPrincipalName". */
public final class HeaderNames {
    private HeaderNames() {
    }

    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        StringBuilder key = new StringBuilder(header.length());
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c) || c == '_' || c == '-') {
                continue;
            }
            key.append(c);
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }
}
