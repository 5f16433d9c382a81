package com.partnerops.reconcile.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerops.reconcile.testsupport.PostgresServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every key asked for gives its rows, once, ordered within the key, and no other key's: key by key on an HSQLDB
 * store in this process, in IN lists of {@value KeyedReads#KEYS_PER_LIST} on PostgreSQL.
 */
class KeyedReadsTest {

    /** More keys than two IN lists hold, so the last list is a short one. */
    private static final int KEYS = 2 * KeyedReads.KEYS_PER_LIST + 101;

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("HSQLDB", "jdbc:hsqldb:mem:keyed-" + System.nanoTime()),
                Arguments.of("PostgreSQL", PostgresServer.shared().createDatabase()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void everyKeyGivesItsOwnRowsInOrder(String store, String url) {
        JdbcTemplate jdbc = new JdbcTemplate(url.startsWith("jdbc:hsqldb:")
                ? new DriverManagerDataSource(url, "SA", "") : new DriverManagerDataSource(url));
        jdbc.execute("CREATE TABLE row_of_user (tenant_id VARCHAR(64) NOT NULL, upn_key VARCHAR(320) NOT NULL,"
                + " n INT NOT NULL, kept BOOLEAN NOT NULL, PRIMARY KEY (tenant_id, upn_key, n))");
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> asked = new ArrayList<>();
        for (int u = 0; u < KEYS + 50; u++) {
            String tenant = "tenant-" + (u % 7);
            String user = "user" + u + "@example.com";
            // three rows per user, written out of order; the middle one fails the extra condition
            rows.add(new Object[] {tenant, user, 3, true});
            rows.add(new Object[] {tenant, user, 1, true});
            rows.add(new Object[] {tenant, user, 2, false});
            // the same user name in another tenant is another user
            rows.add(new Object[] {"other-tenant", user, 1, true});
            if (u < KEYS) {
                asked.add(new Object[] {tenant, user});
            }
        }
        jdbc.batchUpdate("INSERT INTO row_of_user VALUES (?, ?, ?, ?)", rows);

        Map<String, List<Integer>> read = new LinkedHashMap<>();
        new KeyedReads(jdbc).query("SELECT tenant_id, upn_key, n FROM row_of_user WHERE kept = ? AND ",
                List.of("tenant_id", "upn_key"), asked, " AND n > 0 ORDER BY n", rs -> {
                    read.computeIfAbsent(rs.getString("tenant_id") + "/" + rs.getString("upn_key"),
                            key -> new ArrayList<>()).add(rs.getInt("n"));
                }, true);

        assertThat(read).hasSize(KEYS);
        asked.forEach(key -> assertThat(read.get(key[0] + "/" + key[1])).as("rows of %s", key[1])
                .containsExactly(1, 3));
        assertThat(read.keySet()).noneMatch(key -> key.startsWith("other-tenant/"));
    }
}
