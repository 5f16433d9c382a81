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
 */
public record DirectoryUser(
        String tenantId,
        String userPrincipalName,
        Map<UserAttribute, String> attributes,
        boolean accountEnabled,
        Set<String> licenses,
        Set<String> roles,
        Map<String, Set<String>> disabledPlans) {

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
        return new DirectoryUser(tenantId, userPrincipalName, changed, accountEnabled, licenses, roles, disabledPlans);
    }

    public DirectoryUser withLicenses(Set<String> newLicenses) {
        Map<String, Set<String>> plans = new TreeMap<>(disabledPlans);
        plans.keySet().retainAll(newLicenses);
        return new DirectoryUser(tenantId, userPrincipalName, attributes, accountEnabled, newLicenses, roles, plans);
    }

    public DirectoryUser withRoles(Set<String> newRoles) {
        return new DirectoryUser(tenantId, userPrincipalName, attributes, accountEnabled, licenses, newRoles,
                disabledPlans);
    }

    public DirectoryUser withDisabledPlans(String sku, Set<String> off) {
        Map<String, Set<String>> plans = new TreeMap<>(disabledPlans);
        if (off.isEmpty()) {
            plans.remove(sku); // as the store and the fingerprint hold it: only SKUs that have any
        } else {
            plans.put(sku, off);
        }
        return new DirectoryUser(tenantId, userPrincipalName, attributes, accountEnabled, licenses, roles, plans);
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
