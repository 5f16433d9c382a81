package com.partnerops.reconcile.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The rows of many keys of one table, read the way the store answers them fastest.
 *
 * <p>A store inside this process (an HSQLDB file or memory database) runs one prepared statement once per key.
 * HSQLDB compiles a statement every time it is prepared, and an IN list of 500 keys took longer to compile and
 * run than 500 look-ups on one statement: a million-user apply read its chunks' customers (their users and roles
 * by key) in 7.6 s with lists and in 6.4 s key by key. A store across the network (PostgreSQL) would pay a round trip per look-up, so
 * there the keys go in IN lists.
 */
@Component
public class KeyedReads {

    /** Keeps IN lists well under the stores' statement limits. */
    static final int KEYS_PER_LIST = 500;

    private final JdbcTemplate jdbc;
    private volatile Boolean inProcess;

    public KeyedReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code select + keys + rest} for every key: {@code select} ends where the key condition goes (after
     * {@code WHERE} or {@code AND}) and its parameters are {@code leading}; {@code rest} may add conditions and an
     * {@code ORDER BY}, which then orders the rows of each key (not across keys).
     *
     * @param keys distinct keys (key by key, one given twice gives its rows twice), each one value per key column,
     *     in their order
     */
    public void query(String select, List<String> keyColumns, List<Object[]> keys, String rest,
            RowCallbackHandler rows, Object... leading) {
        if (keys.isEmpty()) {
            return;
        }
        if (inProcess()) {
            keyByKey(select + keyColumns.stream().map(column -> column + " = ?")
                    .collect(Collectors.joining(" AND ")) + rest, keys, rows, leading);
            return;
        }
        String columns = keyColumns.size() == 1 ? keyColumns.get(0) : "(" + String.join(", ", keyColumns) + ")";
        String placeholder = keyColumns.size() == 1 ? "?" : "(" + String.join(", ",
                Collections.nCopies(keyColumns.size(), "?")) + ")";
        for (int from = 0; from < keys.size(); from += KEYS_PER_LIST) {
            List<Object[]> list = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_LIST));
            List<Object> params = new ArrayList<>(Arrays.asList(leading));
            list.forEach(key -> params.addAll(Arrays.asList(key)));
            jdbc.query(select + columns + " IN (" + String.join(", ", Collections.nCopies(list.size(), placeholder))
                    + ")" + rest, rows, params.toArray());
        }
    }

    private void keyByKey(String sql, List<Object[]> keys, RowCallbackHandler rows, Object[] leading) {
        jdbc.execute(sql, (PreparedStatement statement) -> {
            for (int i = 0; i < leading.length; i++) {
                bind(statement, i + 1, leading[i]);
            }
            for (Object[] key : keys) {
                for (int i = 0; i < key.length; i++) {
                    bind(statement, leading.length + i + 1, key[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.processRow(rs);
                    }
                }
            }
            return null;
        });
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String text) {
            statement.setString(index, text);
        } else {
            statement.setObject(index, value);
        }
    }

    private boolean inProcess() {
        Boolean known = inProcess;
        if (known == null) {
            String url = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getURL());
            known = url != null && new StoreUrl(url).isInProcess();
            inProcess = known;
        }
        return known;
    }
}
