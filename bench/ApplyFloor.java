import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor under apply on this store: the reads and writes any apply of a reviewed plan must make, with nothing
 * decided. Run on a copy of the planned store, it
 * <ol>
 * <li>reads the plan's PLANNED rows in seq order and its users, as the check that the plan is unaltered must;</li>
 * <li>per customer with users to apply, counts its seats (GROUP BY over its license rows), reads its subscriptions,
 * GDAP relationships and customer row, and per user its user, license and role rows and its reviewed rows;</li>
 * <li>writes each license or role change as one row, a user's attributes as one update, an apply row and an audit
 * row per change and a done-mark per user, in JDBC batches, committing every 1,000 users as apply does (with its
 * durability: every commit is synced);</li>
 * <li>reads the reviewed rows joined with their apply rows in seq order and writes them to a CSV file, unquoted.</li>
 * </ol>
 * No rule runs: no GDAP check, no seat ledger, no fingerprint compared, no report but the one file. Statements are
 * prepared once and reused.
 *
 * <pre>java -cp CLASSPATH bench/ApplyFloor.java JDBC_URL PLAN_ID CSV_FILE</pre>
 */
public class ApplyFloor {

    static final int USERS_PER_COMMIT = 1000;
    static final Map<String, String> ATTRIBUTE_COLUMNS = Map.of("displayName", "display_name", "givenName",
            "given_name", "surname", "surname", "jobTitle", "job_title", "department", "department",
            "usageLocation", "usage_location");

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ApplyFloor JDBC_URL PLAN_ID CSV_FILE");
            System.exit(2);
        }
        long started = System.nanoTime();
        String planId = args[1];
        try (Connection connection = DriverManager.getConnection(args[0], "SA", "")) {
            connection.setAutoCommit(false);
            long checked = readReviewed(connection, planId);
            long changes = new ApplyFloor(connection, planId).applyAll();
            long reported = report(connection, planId, Path.of(args[2]));
            System.out.printf("apply-floor: rows %d, %d planned rows checked, %d reported, %.2f s%n", changes,
                    checked, reported, (System.nanoTime() - started) / 1e9);
        }
    }

    /** The gate's pass: every PLANNED row in seq order, every planned user in key order. */
    static long readReviewed(Connection connection, String planId) throws SQLException {
        long rows = 0;
        rows += readAll(connection, "SELECT seq, tenant_id, upn_key, change_kind, target, before_value, after_value,"
                + " gdap_relationship_id FROM plan_line WHERE plan_id = ? AND status = 'PLANNED' ORDER BY seq", planId);
        rows += readAll(connection, "SELECT tenant_id, upn_key, fingerprint, frees_seats FROM plan_user"
                + " WHERE plan_id = ? ORDER BY tenant_id, upn_key", planId);
        connection.commit();
        return rows;
    }

    static long report(Connection connection, String planId, Path file) throws Exception {
        long rows = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT l.*, a.status AS apply_status,"
                + " a.reason AS apply_reason, a.message AS apply_message FROM plan_line l JOIN apply_line a"
                + " ON a.plan_id = l.plan_id AND a.seq = l.seq WHERE l.plan_id = ? ORDER BY l.seq");
                BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            select.setString(1, planId);
            try (ResultSet rs = select.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    rows++;
                    for (int c = 1; c <= columns; c++) {
                        String value = rs.getString(c);
                        out.write(value == null ? "" : value);
                        out.write(c == columns ? '\n' : ',');
                    }
                }
            }
        }
        connection.commit();
        return rows;
    }

    private static long readAll(Connection connection, String sql, String... params) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            return readAll(select, params);
        }
    }

    private static long readAll(PreparedStatement select, String... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            select.setString(i + 1, params[i]);
        }
        long rows = 0;
        try (ResultSet rs = select.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                rows++;
                for (int c = 1; c <= columns; c++) {
                    rs.getString(c);
                }
            }
        }
        return rows;
    }

    private final Connection connection;
    private final String planId;
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<String, PreparedStatement> batched = new LinkedHashMap<>();

    ApplyFloor(Connection connection, String planId) {
        this.connection = connection;
        this.planId = planId;
    }

    /** Every pending user, customer by customer in the order of the index apply reads them by. */
    long applyAll() throws SQLException {
        Map<String, List<String>> pending = new LinkedHashMap<>();
        try (ResultSet rs = prepared("SELECT tenant_id, upn_key FROM plan_user WHERE plan_id = ?"
                + " AND apply_status IS NULL ORDER BY plan_id, apply_status, tenant_id", planId).executeQuery()) {
            while (rs.next()) {
                pending.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        long changes = 0;
        int users = 0;
        for (Map.Entry<String, List<String>> customer : pending.entrySet()) {
            String tenant = customer.getKey();
            readAll(prepared("SELECT sku, COUNT(*) FROM user_license WHERE tenant_id = ? GROUP BY sku"), tenant);
            readAll(prepared("SELECT * FROM subscription WHERE tenant_id = ?"), tenant);
            readAll(prepared("SELECT * FROM gdap_relationship WHERE tenant_id = ?"), tenant);
            readAll(prepared("SELECT * FROM customer WHERE tenant_id = ?"), tenant);
            for (String user : customer.getValue()) {
                changes += applyUser(tenant, user);
                if (++users % USERS_PER_COMMIT == 0) {
                    commit();
                }
            }
        }
        commit();
        return changes;
    }

    private long applyUser(String tenant, String user) throws SQLException {
        Map<String, String> attributes = new LinkedHashMap<>();
        try (ResultSet rs = prepared("SELECT * FROM directory_user WHERE tenant_id = ? AND upn_key = ?", tenant,
                user).executeQuery()) {
            while (rs.next()) {
                for (String column : ATTRIBUTE_COLUMNS.values()) {
                    attributes.put(column, rs.getString(column));
                }
            }
        }
        readAll(prepared("SELECT * FROM user_license WHERE tenant_id = ? AND upn_key = ?"), tenant, user);
        readAll(prepared("SELECT * FROM user_role WHERE tenant_id = ? AND upn_key = ?"), tenant, user);
        long changes = 0;
        boolean attributesChanged = false;
        try (ResultSet rs = prepared("SELECT seq, upn, change_kind, target, before_value, after_value,"
                + " gdap_relationship_id FROM plan_line"
                + " WHERE plan_id = ? AND tenant_id = ? AND upn_key = ? AND status = 'PLANNED' ORDER BY seq", planId,
                tenant, user).executeQuery()) {
            while (rs.next()) {
                changes++;
                String kind = rs.getString("change_kind");
                String target = rs.getString("target");
                if (kind.equals("SET_ATTRIBUTE")) {
                    attributes.put(ATTRIBUTE_COLUMNS.get(target), rs.getString("after_value"));
                    attributesChanged = true;
                } else {
                    write(tenant, user, kind, target, rs.getString("after_value"));
                }
                batch("INSERT INTO apply_line (plan_id, seq, status, reason, message, applied_at)"
                        + " VALUES (?, ?, 'APPLIED', NULL, NULL, ?)", planId, rs.getLong("seq"), now);
                batch("INSERT INTO audit_log (plan_id, applied_at, tenant_id, upn, change_kind, target, before_value,"
                        + " after_value, gdap_relationship_id, applied_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'floor')",
                        planId, now, tenant, rs.getString("upn"), kind, target, rs.getString("before_value"),
                        rs.getString("after_value"), rs.getString("gdap_relationship_id"));
            }
        }
        if (attributesChanged) {
            // one statement for all of a user's attributes, as the job sends them
            List<Object> values = new ArrayList<>(attributes.values());
            values.add(tenant);
            values.add(user);
            batch("UPDATE directory_user SET " + String.join(" = ?, ", attributes.keySet())
                    + " = ? WHERE tenant_id = ? AND upn_key = ?", values.toArray());
        }
        batch("UPDATE plan_user SET apply_status = 'APPLIED' WHERE plan_id = ? AND tenant_id = ? AND upn_key = ?",
                planId, tenant, user);
        return changes;
    }

    /** A change to the user's licenses or roles: one row written, as the store keeps it. */
    private void write(String tenant, String user, String kind, String target, String after) throws SQLException {
        switch (kind) {
            case "ASSIGN_LICENSE", "ASSIGN_SAAS_SEAT" -> batch("INSERT INTO user_license (tenant_id, upn_key, sku,"
                    + " disabled_plans) VALUES (?, ?, ?, '')", tenant, user, target);
            case "REMOVE_LICENSE", "REMOVE_SAAS_SEAT" -> batch("DELETE FROM user_license WHERE tenant_id = ?"
                    + " AND upn_key = ? AND sku = ?", tenant, user, target);
            case "SET_DISABLED_PLANS" -> batch("UPDATE user_license SET disabled_plans = ? WHERE tenant_id = ?"
                    + " AND upn_key = ? AND sku = ?", after, tenant, user, target);
            case "ADD_ROLE" -> batch("INSERT INTO user_role (tenant_id, upn_key, role) VALUES (?, ?, ?)", tenant,
                    user, target);
            case "REMOVE_ROLE" -> batch("DELETE FROM user_role WHERE tenant_id = ? AND upn_key = ? AND role = ?",
                    tenant, user, target);
            default -> throw new IllegalStateException("unknown change kind " + kind);
        }
    }

    /** Sends every batch, removals before additions as the job does, and commits. */
    private void commit() throws SQLException {
        List<PreparedStatement> order = new ArrayList<>(batched.values());
        order.sort((a, b) -> Boolean.compare(!isDelete(a), !isDelete(b)));
        for (PreparedStatement statement : order) {
            statement.executeBatch();
        }
        batched.clear();
        connection.commit();
    }

    private boolean isDelete(PreparedStatement statement) {
        return statements.entrySet().stream().anyMatch(e -> e.getValue() == statement
                && e.getKey().startsWith("DELETE"));
    }

    private void batch(String sql, Object... params) throws SQLException {
        PreparedStatement statement = prepared(sql);
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Long value) {
                statement.setLong(i + 1, value);
            } else if (params[i] instanceof OffsetDateTime value) {
                statement.setObject(i + 1, value);
            } else {
                statement.setString(i + 1, (String) params[i]);
            }
        }
        statement.addBatch();
        batched.putIfAbsent(sql, statement);
    }

    private PreparedStatement prepared(String sql, String... params) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < params.length; i++) {
            statement.setString(i + 1, params[i]);
        }
        return statement;
    }
}
