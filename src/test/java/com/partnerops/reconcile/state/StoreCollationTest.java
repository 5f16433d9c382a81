package com.partnerops.reconcile.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A new HSQLDB store compares text without padding, as PostgreSQL does; a store that already has tables keeps
 * the comparison its indexes were built with, across restarts.
 */
class StoreCollationTest {

    @TempDir
    Path dir;

    @Test
    void aNewStoreComparesTrailingSpacesAsPostgresqlDoes() throws SQLException {
        DriverManagerDataSource store = store("new");

        new StoreSchema(store).afterPropertiesSet();

        assertThat(aEqualsASpace(store)).isFalse();
        new StoreSchema(store).afterPropertiesSet();
        assertThat(aEqualsASpace(store)).as("when the schema is brought up to date again").isFalse();
    }

    @Test
    void aStoreThatAlreadyHasTablesKeepsItsComparison() throws SQLException {
        DriverManagerDataSource store = store("old");
        JdbcTemplate jdbc = new JdbcTemplate(store);
        jdbc.execute("CREATE TABLE older_table (k VARCHAR(64) PRIMARY KEY)");
        jdbc.update("INSERT INTO older_table VALUES ('a')");

        new StoreSchema(store).afterPropertiesSet();

        assertThat(aEqualsASpace(store)).isTrue();
        assertThat(jdbc.queryForList("SELECT k FROM older_table WHERE k = 'a '", String.class)).containsExactly("a");
    }

    /** Whether a text column holding 'a ' matches 'a'. */
    private static boolean aEqualsASpace(DriverManagerDataSource store) {
        JdbcTemplate jdbc = new JdbcTemplate(store);
        jdbc.execute("CREATE TABLE IF NOT EXISTS probe (k VARCHAR(64))");
        jdbc.update("DELETE FROM probe");
        jdbc.update("INSERT INTO probe VALUES ('a ')");
        return jdbc.queryForObject("SELECT COUNT(*) FROM probe WHERE k = 'a'", Integer.class) == 1;
    }

    private DriverManagerDataSource store(String name) {
        return new DriverManagerDataSource("jdbc:hsqldb:file:" + dir.resolve(name).resolve("reconcile")
                + ";hsqldb.default_table_type=cached;hsqldb.write_delay=false", "SA", "");
    }
}
