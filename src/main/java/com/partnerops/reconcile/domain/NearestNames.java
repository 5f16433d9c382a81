package com.partnerops.reconcile.domain;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The few names nearest to a mistyped one, for "did you mean" hints: Levenshtein distance over case- and
 * space-normalised names. A candidate further than 40% of the written name's length is not offered at all.
 */
public final class NearestNames {

    static final int LIMIT = 3;

    private final String written;
    private final int maxDistance;
    /** label (what the hint shows) -> its best distance */
    private final Map<String, Integer> best = new HashMap<>();

    public NearestNames(String written) {
        this(written, 2, 5);
    }

    /**
     * @param numerator with {@code denominator}, the share of the written name's length a candidate may differ by:
     *     short names such as column headers need a stricter share than product names, or "Notes" suggests "roles"
     */
    public NearestNames(String written, int numerator, int denominator) {
        this.written = ProductCatalog.nameKey(written);
        this.maxDistance = this.written.length() * numerator / denominator;
    }

    /** Offers {@code candidate}; should it be among the nearest, the hint shows {@code label}. */
    public void consider(String candidate, String label) {
        String key = ProductCatalog.nameKey(candidate);
        if (key.isEmpty() || Math.abs(key.length() - written.length()) > maxDistance) {
            return;
        }
        int distance = distance(written, key);
        if (distance <= maxDistance) {
            best.merge(label, distance, Math::min);
        }
    }

    /** Up to {@link #LIMIT} labels, nearest first (ties in label order); empty when nothing was close. */
    public List<String> nearest() {
        return best.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.naturalOrder())))
                .limit(LIMIT).map(Map.Entry::getKey).toList();
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
