package com.partnerops.reconcile.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On an HSQLDB file store, a snapshot is staged without HSQLDB's log: every staged row would otherwise be written
 * twice, as an INSERT statement to the log and as a row to the data file (about 6% of a million-user import's
 * samples, with a commit's sync per chunk).
 *
 * <p>Why that is safe: logging is turned off right after a checkpoint, and a store that was not shut down is
 * reopened as of its last checkpoint (HSQLDB restores the data file from its backup of the blocks changed since,
 * and the setting itself is back on). A kill while staging so leaves the store as the checkpoint had it: the current
 * state as before, the import recorded as started (and so failed at the next start), the staging as it was; and an
 * import is never resumed, only run again whole, staging anew. Only staging rows and the job's own step records are
 * written in between. Logging is turned on and a checkpoint taken before the switch, so the switch and everything
 * after it are logged and synced as always; without that checkpoint a crash would reopen the store with the
 * staged rows gone but replay the switch onto the empty staging.
 *
 * <p>PostgreSQL has nothing to turn off here: an UNLOGGED staging table would become an unlogged current-state
 * table at the switch, and making it logged rewrites it.
 */
@Component
public class UnloggedStaging {

    private final JdbcTemplate jdbc;

    public UnloggedStaging(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Before the staging tables are made. DDL: commits on HSQLDB. */
    public void begin() {
        if (SnapshotSwitch.isHsqldb(jdbc)) {
            jdbc.execute("CHECKPOINT");
            jdbc.execute("SET FILES LOG FALSE");
        }
    }

    /** After the last row is staged, and after an import that failed: logging on, the staged rows on disk. */
    public void end() {
        if (SnapshotSwitch.isHsqldb(jdbc) && !logging()) {
            jdbc.execute("SET FILES LOG TRUE");
            jdbc.execute("CHECKPOINT");
        }
    }

    private boolean logging() {
        return !"false".equalsIgnoreCase(jdbc.queryForObject("SELECT PROPERTY_VALUE FROM"
                + " INFORMATION_SCHEMA.SYSTEM_PROPERTIES WHERE PROPERTY_NAME = 'hsqldb.log_data'", String.class));
    }
}
