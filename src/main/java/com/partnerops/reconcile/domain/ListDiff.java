package com.partnerops.reconcile.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** A list cell (roles or licenses) turned into additions and removals against what the user holds. */
record ListDiff(List<String> additions, List<String> removals, List<String> unknownAdditions,
        List<String> unknownRemovals) {

    /**
     * An exact list that names something unknown removes nothing: the unknown name may be a misspelling of
     * something the user holds.
     *
     * @param resolve the canonical name of a written one, empty when it names nothing known
     */
    static ListDiff of(ListChange spec, Set<String> held, Function<String, Optional<String>> resolve) {
        Map<String, String> heldByKey = new LinkedHashMap<>();
        held.forEach(item -> heldByKey.put(Names.key(item), item));
        Function<String, Optional<String>> resolveOrHeld = name -> resolve.apply(name)
                .or(() -> Optional.ofNullable(heldByKey.get(Names.key(name))));
        List<String> additions = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        List<String> unknownAdditions = new ArrayList<>();
        List<String> unknownRemovals = new ArrayList<>();
        if (spec instanceof ListChange.Exact exact) {
            Set<String> wantedKeys = new LinkedHashSet<>();
            for (String name : exact.items()) {
                Optional<String> canonical = resolveOrHeld.apply(name);
                if (canonical.isEmpty()) {
                    unknownAdditions.add(name);
                    continue;
                }
                wantedKeys.add(Names.key(canonical.get()));
                if (!heldByKey.containsKey(Names.key(canonical.get()))) {
                    additions.add(canonical.get());
                }
            }
            if (unknownAdditions.isEmpty()) {
                heldByKey.forEach((key, item) -> {
                    if (!wantedKeys.contains(key)) {
                        removals.add(item);
                    }
                });
            }
        } else if (spec instanceof ListChange.Delta delta) {
            for (String name : delta.remove()) {
                Optional<String> canonical = resolveOrHeld.apply(name);
                String heldItem = canonical.map(item -> heldByKey.get(Names.key(item))).orElse(null);
                if (heldItem != null) {
                    removals.add(heldItem);
                } else if (canonical.isEmpty()) {
                    unknownRemovals.add(name);
                }
            }
            for (String name : delta.add()) {
                Optional<String> canonical = resolveOrHeld.apply(name);
                if (canonical.isEmpty()) {
                    unknownAdditions.add(name);
                } else if (!heldByKey.containsKey(Names.key(canonical.get()))) {
                    additions.add(canonical.get());
                }
            }
        }
        return new ListDiff(additions, removals, unknownAdditions, unknownRemovals);
    }

    /** Parses a list cell; a cell that is no list is rejected on the draft, naming the column. */
    static Optional<ListChange> parse(UserDraft draft, String column, String cell) {
        try {
            return Optional.of(ListChange.parse(cell));
        } catch (IllegalArgumentException e) {
            draft.add(new Candidate(column, ReasonCode.INVALID_VALUE,
                    Rejections.notAList(column, e.getMessage())));
            return Optional.empty();
        }
    }
}
