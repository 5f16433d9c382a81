package com.partnerops.reconcile.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A user as the directory holds it now. Collections are sorted so that two equal users print, compare and
 * fingerprint the same way.
 *
 * @param disabledPlans service plans switched off, by SKU part number (only SKUs that have any)
 * @param groupLicenses licenses the user holds through a group, by SKU part number: the group that assigns it.
 *     Such a license takes a seat like any other but cannot be removed from the user directly.
 */
public record DirectoryUser(
        String tenantId,
        String userPrincipalName,
        Map<UserAttribute, String> attributes,
        boolean accountEnabled,
        Set<String> licenses,
        Set<String> roles,
        Map<String, Set<String>> disabledPlans,
        Map<String, String> groupLicenses) {

    /** A user who holds no license through a group. */
    public DirectoryUser(String tenantId, String userPrincipalName, Map<UserAttribute, String> attributes,
            boolean accountEnabled, Set<String> licenses, Set<String> roles, Map<String, Set<String>> disabledPlans) {
        this(tenantId, userPrincipalName, attributes, accountEnabled, licenses, roles, disabledPlans, Map.of());
    }

    public DirectoryUser {
        EnumMap<UserAttribute, String> nonBlank = new EnumMap<>(UserAttribute.class);
        attributes.forEach((attribute, value) -> {
            if (!Names.isBlank(value)) {
                nonBlank.put(attribute, value);
            }
        });
        attributes = Collections.unmodifiableMap(nonBlank);
        licenses = Collections.unmodifiableSet(new TreeSet<>(licenses));
        roles = Collections.unmodifiableSet(new TreeSet<>(roles));
        TreeMap<String, Set<String>> plans = new TreeMap<>();
        disabledPlans.forEach((sku, off) -> {
            if (!off.isEmpty()) {
                plans.put(sku, Collections.unmodifiableSet(new TreeSet<>(off)));
            }
        });
        disabledPlans = Collections.unmodifiableMap(plans);
        TreeMap<String, String> inherited = new TreeMap<>(groupLicenses);
        inherited.keySet().retainAll(licenses);
        groupLicenses = Collections.unmodifiableMap(inherited);
    }

    /** The group the user holds this license through; empty when it is assigned directly (or not held). */
    public java.util.Optional<String> groupOf(String sku) {
        return java.util.Optional.ofNullable(groupLicenses.get(sku));
    }

    public String attribute(UserAttribute attribute) {
        return attributes.getOrDefault(attribute, "");
    }

    public Set<String> disabledPlansOf(String sku) {
        return disabledPlans.getOrDefault(sku, Set.of());
    }

    public DirectoryUser withAttribute(UserAttribute attribute, String value) {
        EnumMap<UserAttribute, String> changed = new EnumMap<>(UserAttribute.class);
        changed.putAll(attributes);
        changed.put(attribute, value);
        return new DirectoryUser(tenantId, userPrincipalName, changed, accountEnabled, licenses, roles, disabledPlans,
                groupLicenses);
    }

    public DirectoryUser withLicenses(Set<String> newLicenses) {
        Map<String, Set<String>> plans = new TreeMap<>(disabledPlans);
        plans.keySet().retainAll(newLicenses);
        return new DirectoryUser(tenantId, userPrincipalName, attributes, accountEnabled, newLicenses, roles, plans,
                groupLicenses);
    }

    public DirectoryUser withRoles(Set<String> newRoles) {
        return new DirectoryUser(tenantId, userPrincipalName, attributes, accountEnabled, licenses, newRoles,
                disabledPlans, groupLicenses);
    }

    public DirectoryUser withDisabledPlans(String sku, Set<String> off) {
        Map<String, Set<String>> plans = new TreeMap<>(disabledPlans);
        if (off.isEmpty()) {
            plans.remove(sku); // as the store and the fingerprint hold it: only SKUs that have any
        } else {
            plans.put(sku, off);
        }
        return new DirectoryUser(tenantId, userPrincipalName, attributes, accountEnabled, licenses, roles, plans,
                groupLicenses);
    }

    /**
     * A digest of everything a plan's diff was computed from. Apply compares it with the one taken at plan time:
     * any difference means the reviewed changes no longer describe this user.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        attributes.forEach((attribute, value) -> canonical.append(attribute).append('=').append(value).append('\n'));
        canonical.append("enabled=").append(accountEnabled).append('\n');
        canonical.append("licenses=").append(licenses).append('\n');
        canonical.append("roles=").append(roles).append('\n');
        canonical.append("disabledPlans=").append(disabledPlans).append('\n');
        if (!groupLicenses.isEmpty()) { // only then: fingerprints of plans made before groups were read still match
            canonical.append("groupLicenses=").append(groupLicenses).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
