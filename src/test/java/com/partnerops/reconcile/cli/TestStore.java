package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.testsupport.PostgresServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The databases a store can live in; the store-level tests run on each ({@code @ParameterizedClass} over this
 * enum). A test's store folder names one store: the same folder, the same database.
 */
enum TestStore {

    HSQLDB {
        @Override
        String jdbcUrl(Path storeDir) {
            return "jdbc:hsqldb:file:" + storeDir.resolve("reconcile")
                    + ";shutdown=true;hsqldb.lock_file=true;hsqldb.write_delay=false";
        }
    },

    /** A database of its own per store folder, on the run's throw-away server. */
    POSTGRESQL {
        @Override
        String jdbcUrl(Path storeDir) {
            return DATABASES.computeIfAbsent(storeDir.toAbsolutePath(),
                    dir -> PostgresServer.shared().createDatabase());
        }
    };

    private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();

    abstract String jdbcUrl(Path storeDir);
}
