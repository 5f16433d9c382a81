import com.opencsv.CSVReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Floors under the job's steps on this store, so the note can say how much of a step the store itself costs:
 *
 * <pre>
 * java -cp CLASSPATH bench/StoreFloor.java --scan JDBC_URL      read every row of the current-state tables once
 * java -cp CLASSPATH bench/StoreFloor.java --parse FILE...      parse the desired files with opencsv, store nothing
 * java -cp CLASSPATH bench/StoreFloor.java --load SCHEMA_SQL STATE_DIR JDBC_URL
 *                                                  load the snapshot's rows into a new store's state tables
 * </pre>
 *
 * {@code --scan} opens the imported store as the job does and reads each state table whole, every column of every
 * row, in primary-key order with one plain {@code SELECT} per table: the least any plan of every customer must read
 * from this store. Nothing is built from the rows. {@code --parse} is the reading half of {@link Baseline}: the
 * least any plan must do with the desired files before it checks a cell.
 *
 * <p>{@code --load} is the least any import-state of that snapshot must do on this store: it makes a new store with
 * the job's own schema script (so the same tables, keys and indexes), compares text without padding and turns the
 * log off as import-state does for a new store, then parses the snapshot's four files and inserts their rows in
 * JDBC batches, a transaction per 5,000 rows as import-state commits them. Nothing is checked: no license names
 * resolved, no duplicates looked for, no seat counts, no switch; a users.csv licenses or roles cell is split on
 * {@code ;} and nothing more.
 */
public class StoreFloor {

    static final String[] STATE_TABLES = {"customer", "subscription", "gdap_relationship", "directory_user",
            "user_license", "user_role"};

    public static void main(String[] args) throws Exception {
        boolean load = args.length == 4 && args[0].equals("--load");
        if (!load && (args.length < 2 || !(args[0].equals("--scan") || args[0].equals("--parse")))) {
            System.err.println("usage: StoreFloor --scan JDBC_URL | --parse FILE... | --load SCHEMA_SQL STATE_DIR JDBC_URL");
            System.exit(2);
        }
        long started = System.nanoTime();
        long rows = 0;
        long chars = 0;
        if (load) {
            rows = load(Path.of(args[1]), Path.of(args[2]), args[3]);
        } else if (args[0].equals("--scan")) {
            try (Connection connection = DriverManager.getConnection(args[1], "SA", "")) {
                connection.setAutoCommit(false);
                for (String table : STATE_TABLES) {
                    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                            "SELECT * FROM " + table)) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            rows++;
                            for (int c = 1; c <= columns; c++) {
                                String value = rs.getString(c);
                                chars += value == null ? 0 : value.length();
                            }
                        }
                    }
                }
                connection.commit();
            }
        } else {
            for (int i = 1; i < args.length; i++) {
                try (var in = Files.newBufferedReader(Path.of(args[i])); var csv = new com.opencsv.CSVReader(in)) {
                    String[] line = csv.readNext();
                    while ((line = csv.readNext()) != null) {
                        rows++;
                        for (String cell : line) {
                            chars += cell.length();
                        }
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s: rows %d, characters %d, seconds %.3f%n", args[0].substring(2), rows,
                chars, seconds);
    }

    private static final int ROWS_PER_TRANSACTION = 5000;

    /** Loads the snapshot in STATE_DIR into a new store at JDBC_URL; returns the rows inserted. */
    private static long load(Path schema, Path stateDir, String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "SA", "")) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET DATABASE COLLATION SQL_TEXT NO PAD");
            }
            ScriptUtils.executeSqlScript(connection, new FileSystemResource(schema));
            try (Statement s = connection.createStatement()) {
                s.execute("CHECKPOINT");
                s.execute("SET FILES LOG FALSE");
            }
            connection.setAutoCommit(false);
            long rows = 0;
            rows += copy(connection, stateDir.resolve("customers.csv"), "INSERT INTO customer VALUES (?,?,?,?,?,?)",
                    (line, insert) -> {
                        insert.set(line[0], line[1], line[2], key(line[0]), key(line[1]), key(line[2]));
                    });
            rows += copy(connection, stateDir.resolve("subscriptions.csv"), "INSERT INTO subscription (tenant_id,"
                    + " subscription_id, sku, product_name, kind, program, quantity, status, commitment_start,"
                    + " term_end, assigned_display) VALUES (?,?,?,?,?,?,?,?,?,?,?)", (line, insert) -> {
                        insert.set(line[0], line[1], line[2], line[3], line[4], line[5], Integer.valueOf(line[6]),
                                line[7], date(line[8]), date(line[9]), line[10]);
                    });
            rows += copy(connection, stateDir.resolve("gdap.csv"), "INSERT INTO gdap_relationship VALUES"
                    + " (?,?,?,?,?)", (line, insert) -> {
                        insert.set(line[0], line[1], line[2],
                                java.time.OffsetDateTime.parse(line[3]), line[4]);
                    });
            try (PreparedStatement licenses = connection.prepareStatement("INSERT INTO user_license (tenant_id,"
                    + " upn_key, sku) VALUES (?,?,?)");
                    PreparedStatement roles = connection.prepareStatement("INSERT INTO user_role VALUES (?,?,?)")) {
                rows += copy(connection, stateDir.resolve("users.csv"), "INSERT INTO directory_user VALUES"
                        + " (?,?,?,?,?,?,?,?,?,?)", (line, insert) -> {
                            String upnKey = key(line[1]);
                            insert.set(line[0], upnKey, line[1], line[2], line[3], line[4], line[5], line[6],
                                    line[7], Boolean.valueOf(line[8]));
                            for (String sku : line[9].split(";")) {
                                if (!sku.isBlank()) {
                                    batch(licenses, line[0], upnKey, sku.trim());
                                }
                            }
                            for (String role : line[10].split(";")) {
                                if (!role.isBlank()) {
                                    batch(roles, line[0], upnKey, role.trim());
                                }
                            }
                        }, licenses, roles);
            }
            try (Statement s = connection.createStatement()) {
                s.execute("SET FILES LOG TRUE");
                s.execute("CHECKPOINT");
            }
            return rows;
        }
    }

    interface Row {
        void insert(String[] line, Insert insert) throws Exception;
    }

    interface Insert {
        void set(Object... values) throws Exception;
    }

    /** Inserts a row per line of FILE; other statements the rows add batches to are sent with it. */
    private static long copy(Connection connection, Path file, String sql, Row row, PreparedStatement... also)
            throws Exception {
        long rows = 0;
        try (var in = Files.newBufferedReader(file); CSVReader csv = new CSVReader(in);
                PreparedStatement insert = connection.prepareStatement(sql)) {
            csv.readNext();
            String[] line;
            while ((line = csv.readNext()) != null) {
                String[] cells = line;
                row.insert(cells, values -> batch(insert, values));
                if (++rows % ROWS_PER_TRANSACTION == 0) {
                    send(connection, insert, also);
                }
            }
            send(connection, insert, also);
        }
        return rows;
    }

    private static void batch(PreparedStatement insert, Object... values) throws Exception {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i] instanceof String text && text.isEmpty() ? null : values[i];
            insert.setObject(i + 1, value);
        }
        insert.addBatch();
        PENDING.merge(insert, 1, Integer::sum);
    }

    /** HSQLDB refuses to send an empty batch: the rows each statement has waiting. */
    private static final java.util.Map<PreparedStatement, Integer> PENDING = new java.util.IdentityHashMap<>();

    private static void executeBatch(PreparedStatement statement) throws Exception {
        if (PENDING.getOrDefault(statement, 0) > 0) {
            statement.executeBatch();
            PENDING.remove(statement);
        }
    }

    private static void send(Connection connection, PreparedStatement insert, PreparedStatement... also)
            throws Exception {
        executeBatch(insert);
        for (PreparedStatement statement : also) {
            executeBatch(statement);
        }
        connection.commit();
    }

    private static String key(String name) {
        return name.trim().toUpperCase(Locale.ROOT);
    }

    private static java.sql.Date date(String text) {
        return text.isEmpty() ? null : java.sql.Date.valueOf(text);
    }
}
