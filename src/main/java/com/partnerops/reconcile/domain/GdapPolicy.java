package com.partnerops.reconcile.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which GDAP roles allow which {@link Permission}: the one table the issue asks to keep configurable. Global
 * Administrator allows everything and need not be listed. The default ships as {@code gdap-policy.csv}; a partner
 * with a stricter least-privilege policy points {@code reconcile.gdap-policy} at their own copy.
 */
public record GdapPolicy(Map<Permission, List<String>> allowedRoles) {

    public static final String GLOBAL_ADMINISTRATOR = "Global Administrator";

    public GdapPolicy {
        EnumMap<Permission, List<String>> copy = new EnumMap<>(Permission.class);
        for (Permission permission : Permission.values()) {
            List<String> roles = new ArrayList<>(allowedRoles.getOrDefault(permission, List.of()));
            if (roles.stream().noneMatch(GLOBAL_ADMINISTRATOR::equalsIgnoreCase)) {
                roles.add(GLOBAL_ADMINISTRATOR);
            }
            copy.put(permission, List.copyOf(roles));
        }
        allowedRoles = Map.copyOf(copy);
    }

    public List<String> rolesAllowing(Permission permission) {
        return allowedRoles.get(permission);
    }

    /** Lines {@code PERMISSION,Role;Role}; a header line and {@code #} comments are skipped. */
    public static GdapPolicy parse(Reader reader) {
        Map<Permission, List<String>> table = new EnumMap<>(Permission.class);
        try (BufferedReader lines = new BufferedReader(reader)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.toLowerCase().startsWith("permission,")) {
                    continue;
                }
                int comma = trimmed.indexOf(',');
                if (comma < 0) {
                    throw new IllegalArgumentException("GDAP policy line " + number + ": expected PERMISSION,roles");
                }
                Permission permission;
                try {
                    permission = Permission.valueOf(trimmed.substring(0, comma).strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("GDAP policy line " + number + ": unknown permission '"
                            + trimmed.substring(0, comma) + "', expected one of " + Arrays.toString(Permission.values()));
                }
                table.put(permission, Arrays.stream(trimmed.substring(comma + 1).split(";"))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GdapPolicy(table);
    }

    public static GdapPolicy defaults() {
        InputStream in = GdapPolicy.class.getResourceAsStream("/gdap-policy.csv");
        if (in == null) {
            throw new IllegalStateException("gdap-policy.csv is missing from the classpath");
        }
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
