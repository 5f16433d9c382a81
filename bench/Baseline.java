import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The floor the job's timings are compared with: only parse the desired files (opencsv) and batch-insert their rows
 * into an empty HSQLDB file store, no rules, no reports.
 *
 * <pre>java -cp "$(cat target/classpath.txt)" bench/Baseline.java FILE... --db DIR</pre>
 *
 * The table mirrors what the job stages per desired row (the known desired columns, all VARCHAR, plus source file,
 * row and a sequence key) in a CACHED table, so the comparison is like for like: same database engine, same storage
 * mode, same data volume. Header names are matched the way the job matches them (case, spaces, '_' and '-' ignored);
 * columns a file lacks stay NULL.
 */
public class Baseline {

    static final String[] COLUMNS = {"customer", "userPrincipalName", "displayName", "givenName", "surname",
            "jobTitle", "department", "usageLocation", "roles", "licenses", "disabledPlans"};
    static final int BATCH = 1000;

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        Path db = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--db") && i + 1 < args.length) {
                db = Path.of(args[++i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (db == null || files.isEmpty()) {
            System.err.println("usage: java -cp CLASSPATH bench/Baseline.java FILE... --db DIR");
            System.exit(2);
        }
        Files.createDirectories(db);
        long started = System.nanoTime();
        long rows = 0;
        String url = "jdbc:hsqldb:file:" + db.resolve("baseline") + ";shutdown=true";
        try (Connection connection = DriverManager.getConnection(url, "SA", "")) {
            try (Statement s = connection.createStatement()) {
                StringBuilder ddl = new StringBuilder("CREATE CACHED TABLE desired_row (seq BIGINT PRIMARY KEY,"
                        + " source_file VARCHAR(4096) NOT NULL, source_row INT NOT NULL");
                for (String column : COLUMNS) {
                    ddl.append(", ").append(column).append(" VARCHAR(1000000)");
                }
                s.execute(ddl.append(')').toString());
            }
            connection.setAutoCommit(false);
            StringBuilder insert = new StringBuilder("INSERT INTO desired_row VALUES (?, ?, ?");
            for (int i = 0; i < COLUMNS.length; i++) {
                insert.append(", ?");
            }
            try (PreparedStatement ps = connection.prepareStatement(insert.append(')').toString())) {
                for (Path file : files) {
                    rows = load(file, ps, connection, rows);
                }
                if (rows % BATCH != 0) {
                    // HSQLDB refuses to execute an empty batch
                    ps.executeBatch();
                }
                connection.commit();
            }
        }
        // closing the last connection with shutdown=true checkpoints the files: part of the measured work
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "baseline: rows %d, seconds %.3f, rows/s %.0f%n", rows, seconds,
                rows / Math.max(seconds, 1e-9));
    }

    static long load(Path file, PreparedStatement ps, Connection connection, long seq)
            throws IOException, CsvValidationException, SQLException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(in)) {
            String[] header = csv.readNext();
            if (header == null) {
                return seq;
            }
            int[] index = new int[COLUMNS.length];
            for (int c = 0; c < COLUMNS.length; c++) {
                index[c] = -1;
                for (int h = 0; h < header.length; h++) {
                    if (key(header[h]).equals(key(COLUMNS[c]))) {
                        index[c] = h;
                    }
                }
            }
            String[] line;
            int row = 1;
            while ((line = csv.readNext()) != null) {
                row++;
                ps.setLong(1, ++seq);
                ps.setString(2, file.toString());
                ps.setInt(3, row);
                for (int c = 0; c < COLUMNS.length; c++) {
                    if (index[c] >= 0 && index[c] < line.length) {
                        ps.setString(4 + c, line[index[c]]);
                    } else {
                        ps.setNull(4 + c, Types.VARCHAR);
                    }
                }
                ps.addBatch();
                if (seq % BATCH == 0) {
                    ps.executeBatch();
                    connection.commit();
                }
            }
        }
        return seq;
    }

    static String key(String header) {
        return header.replace("\uFEFF", "").replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }
}
