package com.partnerops.reconcile.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Microsoft Entra built-in admin role display names; a role outside it is {@link ReasonCode#UNKNOWN_ROLE}. */
public final class RoleCatalog {

    private final Map<String, String> byKey = new LinkedHashMap<>();

    public RoleCatalog(Iterable<String> roleNames) {
        for (String name : roleNames) {
            byKey.put(Names.key(name), name.strip());
        }
    }

    public Optional<String> canonical(String name) {
        return Optional.ofNullable(byKey.get(Names.key(name)));
    }

    public static RoleCatalog builtIn() {
        InputStream in = RoleCatalog.class.getResourceAsStream("/entra-roles.txt");
        if (in == null) {
            throw new IllegalStateException("entra-roles.txt is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new RoleCatalog(reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
