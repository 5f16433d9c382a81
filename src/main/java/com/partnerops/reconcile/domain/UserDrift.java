package com.partnerops.reconcile.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed in a user since the plan saw them, in words an admin can check in the admin center: "department is
 * 'Sales' now (the plan saw 'Stores')", "holds ENTERPRISEPACK now", "no longer holds the role User Administrator".
 */
public final class UserDrift {

    private UserDrift() {
    }

    /**
     * @param seen the user as the plan saw them, when known (the store's copy, still as reviewed); null otherwise
     * @param changes the user's reviewed changes: their before values say what the plan saw of what they touch
     * @return the differences, "; "-separated; a general phrase when none can be named
     */
    public static String describe(DirectoryUser seen, DirectoryUser now, List<PlannedChange> changes) {
        List<String> found = seen != null ? between(seen, now) : touched(changes, now);
        return found.isEmpty() ? "attributes, roles or licenses differ" : String.join("; ", found);
    }

    private static List<String> between(DirectoryUser seen, DirectoryUser now) {
        List<String> found = new ArrayList<>();
        for (UserAttribute attribute : UserAttribute.values()) {
            if (!seen.attribute(attribute).equals(now.attribute(attribute))) {
                found.add(attribute(attribute, seen.attribute(attribute), now.attribute(attribute)));
            }
        }
        if (seen.accountEnabled() != now.accountEnabled()) {
            found.add("the account is " + (now.accountEnabled() ? "enabled" : "disabled") + " now");
        }
        added(seen.licenses(), now.licenses()).forEach(sku -> found.add("holds " + sku + " now"));
        added(now.licenses(), seen.licenses()).forEach(sku -> found.add("no longer holds " + sku));
        for (String sku : now.licenses()) {
            if (seen.licenses().contains(sku) && !seen.disabledPlansOf(sku).equals(now.disabledPlansOf(sku))) {
                found.add(sku + " has " + listed(now.disabledPlansOf(sku)) + " switched off now (the plan saw "
                        + listed(seen.disabledPlansOf(sku)) + ")");
            }
        }
        added(seen.roles(), now.roles()).forEach(role -> found.add("holds the role " + role + " now"));
        added(now.roles(), seen.roles()).forEach(role -> found.add("no longer holds the role " + role));
        return found;
    }

    /** Without the plan's copy of the user: what the changes' before values say the plan saw. */
    private static List<String> touched(List<PlannedChange> changes, DirectoryUser now) {
        List<String> found = new ArrayList<>();
        for (PlannedChange change : changes) {
            if (change instanceof PlannedChange.SetAttribute set) {
                String before = set.before() == null ? "" : set.before();
                String current = now.attribute(set.attribute());
                if (!before.equals(current) && !current.equals(set.after() == null ? "" : set.after())) {
                    found.add(attribute(set.attribute(), before, current));
                }
            }
        }
        return found;
    }

    private static String attribute(UserAttribute attribute, String seen, String now) {
        return attribute.column() + " is " + quoted(now) + " now (the plan saw " + quoted(seen) + ")";
    }

    private static Set<String> added(Collection<String> before, Collection<String> after) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        return added;
    }

    private static String quoted(String value) {
        return value.isEmpty() ? "empty" : "'" + TextDamage.excerpt(value) + "'";
    }

    private static String listed(Collection<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
