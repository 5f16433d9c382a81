package com.partnerops.reconcile.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The current state a store holds (customers, subscriptions, GDAP, users, licenses, roles), one line per row. */
final class StoreContent {

    private static final List<String> QUERIES = List.of(
            "SELECT * FROM customer ORDER BY tenant_id",
            "SELECT * FROM subscription ORDER BY tenant_id, subscription_id",
            "SELECT * FROM gdap_relationship ORDER BY tenant_id, relationship_id",
            "SELECT * FROM directory_user ORDER BY tenant_id, upn_key",
            "SELECT * FROM user_license ORDER BY tenant_id, upn_key, sku",
            "SELECT * FROM user_role ORDER BY tenant_id, upn_key, role");

    private StoreContent() {
    }

    static List<String> of(Cli cli) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection db = cli.connect()) {
            for (String query : QUERIES) {
                try (ResultSet rs = db.createStatement().executeQuery(query)) {
                    ResultSetMetaData columns = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder(columns.getTableName(1));
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            line.append(' ').append(columns.getColumnLabel(c)).append('=').append(rs.getString(c));
                        }
                        lines.add(line.toString());
                    }
                }
            }
        }
        return lines;
    }
}
