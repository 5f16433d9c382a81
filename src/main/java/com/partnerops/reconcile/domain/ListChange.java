package com.partnerops.reconcile.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code roles} or {@code licenses} cell asks for: either the exact list the user should end up with, or,
 * when every entry starts with {@code +} or {@code -}, additions and removals that keep everything else.
 */
public sealed interface ListChange {

    record Exact(Set<String> items) implements ListChange {
        public Exact {
            items = distinctIgnoringCase(items);
        }
    }

    record Delta(Set<String> add, Set<String> remove) implements ListChange {
        public Delta {
            add = distinctIgnoringCase(add);
            remove = distinctIgnoringCase(remove);
        }
    }

    /**
     * The entries in the order written, each name once: {@code SPB;spb} is one license, not two, or it would take
     * (or free) a second seat. The first spelling is kept.
     */
    private static Set<String> distinctIgnoringCase(Set<String> entries) {
        Map<String, String> byKey = new LinkedHashMap<>();
        entries.forEach(entry -> byKey.putIfAbsent(Names.key(entry), entry));
        return Collections.unmodifiableSet(new LinkedHashSet<>(byKey.values()));
    }

    /**
     * Parses a {@code ;}-separated cell.
     *
     * @throws IllegalArgumentException when plain entries and {@code +/-} entries are mixed, which has no single
     *     sensible meaning
     */
    static ListChange parse(String cell) {
        List<String> entries = new ArrayList<>();
        for (String part : cell.split(";")) {
            if (!part.isBlank()) {
                entries.add(part.trim());
            }
        }
        long signed = entries.stream().filter(e -> e.startsWith("+") || e.startsWith("-")).count();
        if (signed == 0) {
            return new Exact(new LinkedHashSet<>(entries));
        }
        if (signed != entries.size()) {
            throw new IllegalArgumentException("'" + cell + "' mixes +/- entries with plain ones: either list"
                    + " everything the user should have, or start every entry with + or -");
        }
        Set<String> add = new LinkedHashSet<>();
        Set<String> remove = new LinkedHashSet<>();
        for (String entry : entries) {
            String name = entry.substring(1).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("'" + entry + "' has a sign but no name");
            }
            (entry.startsWith("+") ? add : remove).add(name);
        }
        return new Delta(add, remove);
    }
}
