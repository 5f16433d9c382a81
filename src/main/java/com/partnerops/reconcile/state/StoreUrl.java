package com.partnerops.reconcile.state;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** What a {@code --db} JDBC URL says about locking: which store it is, and whether a lock can shut out others. */
record StoreUrl(String jdbcUrl) {

    private static final String HSQLDB_FILE = "jdbc:hsqldb:file:";
    private static final String HSQLDB_MEMORY = "jdbc:hsqldb:mem:";
    private static final String POSTGRESQL = "jdbc:postgresql:";
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password\\s*=)[^;&]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]+:)[^/@]*@");

    boolean isHsqldbFile() {
        return jdbcUrl.startsWith(HSQLDB_FILE);
    }

    boolean isPostgresql() {
        return jdbcUrl.startsWith(POSTGRESQL);
    }

    /** An HSQLDB file or memory database: the store runs inside this process, so a statement is no round trip. */
    boolean isInProcess() {
        return isHsqldbFile() || jdbcUrl.startsWith(HSQLDB_MEMORY);
    }

    /**
     * Whether the store's write lock, once this process holds it, keeps every other process from writing: an
     * HSQLDB file store opens in one process at a time (HSQLDB's own lock file, and {@link StoreFileLock}); an
     * in-memory one lives in this JVM; on PostgreSQL the lock is the server's ({@link AdvisoryLock}). An HSQLDB
     * server reached over the network has no such lock.
     */
    boolean writeLockExcludesOtherProcesses() {
        return isInProcess() || isPostgresql();
    }

    /** The HSQLDB files' path without extension, e.g. {@code data/reconcile}. */
    Path hsqldbFiles() {
        return Path.of(jdbcUrl.substring(HSQLDB_FILE.length()).split(";", 2)[0]);
    }

    /** The same for every URL of one store, so this JVM's contexts share its locks. */
    String key() {
        return isHsqldbFile() ? HSQLDB_FILE + hsqldbFiles().toAbsolutePath().normalize() : displayName();
    }

    /** How the store is named in messages: never the URL's parameters, which may carry a password. */
    String displayName() {
        if (isHsqldbFile()) {
            return hsqldbFiles().toString();
        }
        return jdbcUrl.split("[?;]", 2)[0];
    }

    /** The whole URL with any password replaced by {@code ***}, for a message that must say how it was reached. */
    String masked() {
        String masked = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1***@");
    }
}
