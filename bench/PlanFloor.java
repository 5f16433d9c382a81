import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The floor under what plan writes on this store: the plan's rows stored and its review written, with nothing
 * decided. With the floors under what plan reads ({@code StoreFloor --parse} and {@code --scan}), it makes the
 * floor under the whole plan.
 *
 * <p>{@code --export} is the preparation, not timed: on a copy of the planned store it writes the plan's rows, users,
 * seats and customers to a file, customer by customer as plan stores them, and deletes them from the copy.
 *
 * <p>{@code --write} is the floor. It reads that file into memory (plan holds a chunk's rows in memory when it
 * stores them, having planned them), then
 * <ol>
 * <li>inserts the rows in JDBC batches into the job's tables (their keys and indexes), one commit per 50 customers
 * as plan's chunks commit, every commit synced as the store's settings make it;</li>
 * <li>reads the plan's rows back once in seq order and its seats with their customers' names in the review's order,
 * as the review does, and writes plan.csv and seats.csv (unquoted), plan.xlsx (SXSSF, every cell text, on a second
 * thread as the review writes it) and summary.html (the figures, the first 500 rows, and per customer its counts and
 * seat table, escaped; no template).</li>
 * </ol>
 * No rule runs, no fingerprint is taken, nothing is formatted or checked for formulas.
 *
 * <pre>
 * java -cp CLASSPATH bench/PlanFloor.java --export JDBC_URL PLAN_ID FILE
 * java -cp CLASSPATH bench/PlanFloor.java --write JDBC_URL FILE REPORT_DIR
 * </pre>
 */
public class PlanFloor {

    static final int CUSTOMERS_PER_COMMIT = 50;
    static final int ROWS_SHOWN = 500;
    /** The plan's tables, each with the order plan inserts their rows in: customer by customer. */
    static final Map<String, String> TABLES = tables();

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("plan_line", "tenant_id, seq");
        tables.put("plan_user", "tenant_id, first_seq");
        tables.put("plan_seat", "tenant_id, sku");
        tables.put("plan_customer", "tenant_id");
        return tables;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 || !(args[0].equals("--export") || args[0].equals("--write"))) {
            System.err.println("usage: PlanFloor --export JDBC_URL PLAN_ID FILE | --write JDBC_URL FILE REPORT_DIR");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection(args[1], "SA", "")) {
            connection.setAutoCommit(false);
            if (args[0].equals("--export")) {
                export(connection, args[2], Path.of(args[3]));
            } else {
                write(connection, Path.of(args[2]), Path.of(args[3]));
            }
        }
    }

    // ---- --export: the preparation ----

    static void export(Connection connection, String planId, Path file) throws Exception {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                1 << 16))) {
            out.writeUTF(planId);
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table.getKey()
                        + " WHERE plan_id = ? ORDER BY " + table.getValue())) {
                    select.setString(1, planId);
                    try (ResultSet rs = select.executeQuery()) {
                        ResultSetMetaData meta = rs.getMetaData();
                        out.writeUTF(table.getKey());
                        out.writeInt(meta.getColumnCount());
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            out.writeUTF(meta.getColumnName(c).toLowerCase());
                        }
                        while (rs.next()) {
                            out.writeBoolean(true);
                            for (int c = 1; c <= meta.getColumnCount(); c++) {
                                writeValue(out, rs.getObject(c));
                            }
                        }
                        out.writeBoolean(false);
                    }
                }
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table.getKey()
                        + " WHERE plan_id = ?")) {
                    delete.setString(1, planId);
                    delete.executeUpdate();
                }
            }
            connection.commit();
        }
        try (Statement checkpoint = connection.createStatement()) {
            checkpoint.execute("CHECKPOINT");
        }
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else if (value instanceof Long number) {
            out.writeByte(2);
            out.writeLong(number);
        } else if (value instanceof Integer number) {
            out.writeByte(3);
            out.writeInt(number);
        } else if (value instanceof Boolean flag) {
            out.writeByte(4);
            out.writeBoolean(flag);
        } else {
            byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
            out.writeByte(1);
            out.writeInt(text.length);
            out.write(text);
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        return switch (in.readByte()) {
            case 0 -> null;
            case 2 -> in.readLong();
            case 3 -> in.readInt();
            case 4 -> in.readBoolean();
            default -> {
                byte[] text = new byte[in.readInt()];
                in.readFully(text);
                yield new String(text, StandardCharsets.UTF_8);
            }
        };
    }

    // ---- --write: the floor ----

    /** One table's exported rows: its columns and, per customer in plan's order, its rows. */
    record TableRows(String name, List<String> columns, Map<String, List<Object[]>> byCustomer) {
    }

    static void write(Connection connection, Path file, Path reportDir) throws Exception {
        long started = System.nanoTime();
        String planId;
        List<TableRows> tables = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            planId = in.readUTF();
            for (int t = 0; t < TABLES.size(); t++) {
                tables.add(readTable(in));
            }
        }
        long loaded = System.nanoTime();
        long stored = store(connection, tables);
        tables.clear(); // plan holds one chunk's rows at a time, not the whole plan's
        long storedAt = System.nanoTime();
        Files.createDirectories(reportDir);
        long reported = review(connection, planId, reportDir);
        long done = System.nanoTime();
        System.out.printf("plan-floor: rows %d stored, %d reported; load %.2f s, store %.2f s, review %.2f s%n",
                stored, reported, (loaded - started) / 1e9, (storedAt - loaded) / 1e9, (done - storedAt) / 1e9);
    }

    private static TableRows readTable(DataInputStream in) throws IOException {
        String name = in.readUTF();
        int columnCount = in.readInt();
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < columnCount; c++) {
            columns.add(in.readUTF());
        }
        int tenant = columns.indexOf("tenant_id");
        Map<String, List<Object[]>> byCustomer = new LinkedHashMap<>();
        while (in.readBoolean()) {
            Object[] row = new Object[columnCount];
            for (int c = 0; c < columnCount; c++) {
                row[c] = readValue(in);
            }
            String key = row[tenant] == null ? "" : (String) row[tenant];
            byCustomer.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        return new TableRows(name, columns, byCustomer);
    }

    /** Every table's rows of 50 customers at a time, one batch per table, then a commit. */
    static long store(Connection connection, List<TableRows> tables) throws SQLException {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        tables.forEach(table -> all.addAll(table.byCustomer().keySet()));
        List<String> customers = new ArrayList<>(all);
        List<PreparedStatement> inserts = new ArrayList<>();
        for (TableRows table : tables) {
            inserts.add(connection.prepareStatement("INSERT INTO " + table.name() + " ("
                    + String.join(", ", table.columns()) + ") VALUES ("
                    + String.join(", ", table.columns().stream().map(c -> "?").toList()) + ")"));
        }
        long rows = 0;
        for (int from = 0; from < customers.size(); from += CUSTOMERS_PER_COMMIT) {
            List<String> chunk = customers.subList(from, Math.min(customers.size(), from + CUSTOMERS_PER_COMMIT));
            for (int t = 0; t < tables.size(); t++) {
                PreparedStatement insert = inserts.get(t);
                boolean any = false;
                for (String customer : chunk) {
                    for (Object[] row : tables.get(t).byCustomer().getOrDefault(customer, List.of())) {
                        for (int c = 0; c < row.length; c++) {
                            insert.setObject(c + 1, row[c]);
                        }
                        insert.addBatch();
                        any = true;
                        rows++;
                    }
                }
                if (any) {
                    insert.executeBatch();
                }
            }
            connection.commit();
        }
        for (PreparedStatement insert : inserts) {
            insert.close();
        }
        return rows;
    }

    // ---- the review ----

    /** A row for the workbook's thread: its sheet and its cells; an empty sheet name ends the stream. */
    record SheetRow(String sheet, String[] cells) {
    }

    /** Rows for the workbook's thread, handed over a few hundred at a time as the review does. */
    static final class Handover {
        static final int ROWS = 500;
        final BlockingQueue<List<SheetRow>> queue = new ArrayBlockingQueue<>(64);
        List<SheetRow> batch = new ArrayList<>(ROWS);

        void put(SheetRow row) throws InterruptedException {
            batch.add(row);
            if (batch.size() == ROWS || row.sheet().isEmpty()) {
                queue.put(batch);
                batch = new ArrayList<>(ROWS);
            }
        }
    }

    static long review(Connection connection, String planId, Path dir) throws Exception {
        long started = System.nanoTime();
        Handover toWorkbook = new Handover();
        CompletableFuture<Void> workbook = CompletableFuture.runAsync(() -> writeWorkbook(toWorkbook.queue,
                dir.resolve("plan.xlsx")));
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        List<String[]> shown = new ArrayList<>();
        long rows = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT tenant_id, customer_name, upn,"
                + " change_kind, target, before_value, after_value, status, reason, message, source_file, source_row"
                + " FROM plan_line WHERE plan_id = ? ORDER BY seq");
                Writer csv = Files.newBufferedWriter(dir.resolve("plan.csv"), StandardCharsets.UTF_8)) {
            select.setString(1, planId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String[] cells = cells(rs, 12);
                    writeCsv(csv, cells);
                    String status = cells[7];
                    toWorkbook.put(new SheetRow("PLANNED".equals(status) ? "Changes" : "Rejected", cells));
                    statuses.merge(status, 1, Integer::sum);
                    counts.computeIfAbsent(cells[0] == null ? "" : cells[0], t -> new int[2])
                            ["PLANNED".equals(status) ? 0 : 1]++;
                    if (shown.size() < ROWS_SHOWN) {
                        shown.add(cells);
                    }
                    rows++;
                }
            }
        }
        long rowsPassed = System.nanoTime();
        Path seatsHtml = dir.resolve("seats.html.part");
        try (PreparedStatement select = connection.prepareStatement("SELECT s.tenant_id, c.name, s.sku,"
                + " s.product_name, s.kind, s.program, s.purchased, s.assigned_before, s.assigned_after, s.free_after,"
                + " s.seats_to_buy, s.advice FROM plan_seat s LEFT JOIN customer c ON c.tenant_id = s.tenant_id"
                + " WHERE s.plan_id = ? ORDER BY c.name, s.tenant_id, s.sku");
                Writer csv = Files.newBufferedWriter(dir.resolve("seats.csv"), StandardCharsets.UTF_8);
                Writer html = Files.newBufferedWriter(seatsHtml, StandardCharsets.UTF_8)) {
            select.setString(1, planId);
            String customer = null;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String[] cells = cells(rs, 12);
                    writeCsv(csv, cells);
                    toWorkbook.put(new SheetRow("Seats", cells));
                    if (!cells[0].equals(customer)) {
                        if (customer != null) {
                            html.write("</table></section>\n");
                        }
                        customer = cells[0];
                        int[] count = counts.getOrDefault(customer, new int[2]);
                        html.write("<section class=\"customer\"><h2>" + escape(cells[1]) + "</h2><p>"
                                + count[0] + " planned, " + count[1] + " rejected</p><table>\n");
                    }
                    writeHtmlRow(html, cells);
                }
            }
            if (customer != null) {
                html.write("</table></section>\n");
            }
        }
        toWorkbook.put(new SheetRow("", null));
        long seatsPassed = System.nanoTime();
        try (Writer html = Files.newBufferedWriter(dir.resolve("summary.html"), StandardCharsets.UTF_8)) {
            html.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Review of plan " + escape(planId)
                    + "</title></head><body><h1>Review of plan " + escape(planId) + "</h1><table>\n");
            for (Map.Entry<String, Integer> status : statuses.entrySet()) {
                writeHtmlRow(html, new String[] {status.getKey(), status.getValue().toString()});
            }
            html.write("</table><table>\n");
            for (String[] cells : shown) {
                writeHtmlRow(html, cells);
            }
            html.write("</table>\n");
            try (var part = Files.newBufferedReader(seatsHtml, StandardCharsets.UTF_8)) {
                part.transferTo(html);
            }
            html.write("</body></html>\n");
        }
        Files.delete(seatsHtml);
        long htmlWritten = System.nanoTime();
        workbook.join();
        System.out.printf("plan-floor review: rows pass %.2f s, seats pass %.2f s, summary.html %.2f s,"
                + " then waited %.2f s for plan.xlsx%n", (rowsPassed - started) / 1e9,
                (seatsPassed - rowsPassed) / 1e9, (htmlWritten - seatsPassed) / 1e9,
                (System.nanoTime() - htmlWritten) / 1e9);
        return rows;
    }

    private static String[] cells(ResultSet rs, int columns) throws SQLException {
        String[] cells = new String[columns];
        for (int c = 0; c < columns; c++) {
            cells[c] = rs.getString(c + 1);
        }
        return cells;
    }

    private static void writeCsv(Writer out, String[] cells) throws IOException {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                out.write(',');
            }
            out.write(cells[c] == null ? "" : cells[c]);
        }
        out.write('\n');
    }

    private static void writeHtmlRow(Writer out, String[] cells) throws IOException {
        out.write("<tr>");
        for (String cell : cells) {
            out.write("<td>");
            out.write(escape(cell));
            out.write("</td>");
        }
        out.write("</tr>\n");
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(ch);
            }
        }
        return escaped.toString();
    }

    /** plan.xlsx's sheets, as the review's own workbook thread writes them: streamed, a window of 100 rows. */
    static void writeWorkbook(BlockingQueue<List<SheetRow>> handovers, Path file) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Map<String, Sheet> sheets = new LinkedHashMap<>();
            Map<String, Integer> next = new LinkedHashMap<>();
            for (String name : List.of("Changes", "Rejected", "Seats")) {
                sheets.put(name, workbook.createSheet(name));
                next.put(name, 0);
            }
            for (boolean more = true; more; ) {
                for (SheetRow row : handovers.take()) {
                    if (row.sheet().isEmpty()) {
                        more = false;
                        break;
                    }
                    int number = next.merge(row.sheet(), 1, Integer::sum) - 1;
                    Row sheetRow = sheets.get(row.sheet()).createRow(number);
                    for (int c = 0; c < row.cells().length; c++) {
                        if (row.cells()[c] != null) {
                            sheetRow.createCell(c).setCellValue(row.cells()[c]);
                        }
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
