package com.partnerops.reconcile.domain;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * One change to one user, as the review report shows it and as apply carries it out. Each kind knows how it
 * changes a {@link DirectoryUser}, so the store, the idempotence check and a future Graph gateway agree on
 * what "applied" means.
 */
public sealed interface PlannedChange {

    ChangeKind kind();

    /** The attribute, role, SKU part number the change is about. */
    String target();

    default String before() {
        return "";
    }

    default String after() {
        return "";
    }

    DirectoryUser applyTo(DirectoryUser user);

    /** The change that takes this one back; a license given back again gets no disabled plans. */
    PlannedChange inverse();

    /** True when making the change would leave the user as they are: it is in effect already. */
    default boolean inEffect(DirectoryUser user) {
        return applyTo(user).equals(user);
    }

    record SetAttribute(UserAttribute attribute, String before, String after) implements PlannedChange {
        public ChangeKind kind() {
            return ChangeKind.SET_ATTRIBUTE;
        }

        public String target() {
            return attribute.column();
        }

        public DirectoryUser applyTo(DirectoryUser user) {
            return user.withAttribute(attribute, after);
        }

        public PlannedChange inverse() {
            return new SetAttribute(attribute, after, before);
        }
    }

    record AddRole(String role) implements PlannedChange {
        public ChangeKind kind() {
            return ChangeKind.ADD_ROLE;
        }

        public String target() {
            return role;
        }

        public DirectoryUser applyTo(DirectoryUser user) {
            return user.withRoles(plus(user.roles(), role));
        }

        public PlannedChange inverse() {
            return new RemoveRole(role);
        }
    }

    record RemoveRole(String role) implements PlannedChange {
        public ChangeKind kind() {
            return ChangeKind.REMOVE_ROLE;
        }

        public String target() {
            return role;
        }

        public DirectoryUser applyTo(DirectoryUser user) {
            return user.withRoles(minus(user.roles(), role));
        }

        public PlannedChange inverse() {
            return new AddRole(role);
        }
    }

    record AssignLicense(String sku) implements PlannedChange {
        public ChangeKind kind() {
            return ChangeKind.ASSIGN_LICENSE;
        }

        public String target() {
            return sku;
        }

        public DirectoryUser applyTo(DirectoryUser user) {
            return user.withLicenses(plus(user.licenses(), sku));
        }

        public PlannedChange inverse() {
            return new RemoveLicense(sku);
        }
    }

    /**
     * @param disabledPlans the service plans the user had switched off in it: its before-value, so the audit keeps
     *     what a revert needs to give the license back as it was
     */
    record RemoveLicense(String sku, Set<String> disabledPlans) implements PlannedChange {
        public RemoveLicense {
            disabledPlans = new TreeSet<>(disabledPlans);
        }

        public RemoveLicense(String sku) {
            this(sku, Set.of());
        }

        public ChangeKind kind() {
            return ChangeKind.REMOVE_LICENSE;
        }

        public String target() {
            return sku;
        }

        @Override
        public String before() {
            return String.join(";", disabledPlans);
        }

        public DirectoryUser applyTo(DirectoryUser user) {
            return user.withLicenses(minus(user.licenses(), sku));
        }

        public PlannedChange inverse() {
            return new AssignLicense(sku);
        }
    }

    /** Marketplace SaaS seats live in the user's license list too, but count against the SaaS subscription. */
    record AssignSaasSeat(String sku) implements PlannedChange {
        public ChangeKind kind() {
            return ChangeKind.ASSIGN_SAAS_SEAT;
        }

        public String target() {
            return sku;
        }

        public DirectoryUser applyTo(DirectoryUser user) {
            return user.withLicenses(plus(user.licenses(), sku));
        }

        public PlannedChange inverse() {
            return new RemoveSaasSeat(sku);
        }
    }

    record RemoveSaasSeat(String sku) implements PlannedChange {
        public ChangeKind kind() {
            return ChangeKind.REMOVE_SAAS_SEAT;
        }

        public String target() {
            return sku;
        }

        public DirectoryUser applyTo(DirectoryUser user) {
            return user.withLicenses(minus(user.licenses(), sku));
        }

        public PlannedChange inverse() {
            return new AssignSaasSeat(sku);
        }
    }

    record SetDisabledPlans(String sku, Set<String> off, Set<String> previouslyOff) implements PlannedChange {
        public SetDisabledPlans {
            off = new TreeSet<>(off);
            previouslyOff = new TreeSet<>(previouslyOff);
        }

        public ChangeKind kind() {
            return ChangeKind.SET_DISABLED_PLANS;
        }

        public String target() {
            return sku;
        }

        @Override
        public String before() {
            return String.join(";", previouslyOff);
        }

        @Override
        public String after() {
            return String.join(";", off);
        }

        public DirectoryUser applyTo(DirectoryUser user) {
            return user.withDisabledPlans(sku, off);
        }

        public PlannedChange inverse() {
            return new SetDisabledPlans(sku, previouslyOff, off);
        }
    }

    /** Rebuilds a change from a stored plan row; the inverse of {@link #kind()}, {@link #target()} and friends. */
    public static PlannedChange restore(ChangeKind kind, String target, String before, String after) {
        return switch (kind) {
            case SET_ATTRIBUTE -> new SetAttribute(UserAttribute.byColumn(target).orElseThrow(
                    () -> new IllegalArgumentException("unknown attribute " + target)), before, after);
            case ADD_ROLE -> new AddRole(target);
            case REMOVE_ROLE -> new RemoveRole(target);
            case ASSIGN_LICENSE -> new AssignLicense(target);
            case REMOVE_LICENSE -> new RemoveLicense(target, splitList(before));
            case ASSIGN_SAAS_SEAT -> new AssignSaasSeat(target);
            case REMOVE_SAAS_SEAT -> new RemoveSaasSeat(target);
            case SET_DISABLED_PLANS -> new SetDisabledPlans(target, splitList(after), splitList(before));
        };
    }

    static Set<String> splitList(String joined) {
        Set<String> items = new LinkedHashSet<>();
        if (joined != null) {
            Arrays.stream(joined.split(";")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
        }
        return items;
    }

    private static Set<String> plus(Set<String> set, String item) {
        Set<String> copy = new TreeSet<>(set);
        copy.add(item);
        return copy;
    }

    private static Set<String> minus(Set<String> set, String item) {
        Set<String> copy = new TreeSet<>(set);
        copy.removeIf(held -> held.equalsIgnoreCase(item));
        return copy;
    }
}
