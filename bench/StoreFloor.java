import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Floors under the job's steps on this store, so the note can say how much of a step the store itself costs:
 *
 * <pre>
 * java -cp CLASSPATH bench/StoreFloor.java --scan JDBC_URL      read every row of the current-state tables once
 * java -cp CLASSPATH bench/StoreFloor.java --parse FILE...      parse the desired files with opencsv, store nothing
 * </pre>
 *
 * {@code --scan} opens the imported store as the job does and reads each state table whole, every column of every
 * row, in primary-key order with one plain {@code SELECT} per table: the least any plan of every customer must read
 * from this store. Nothing is built from the rows. {@code --parse} is the reading half of {@link Baseline}: the
 * least any plan must do with the desired files before it checks a cell.
 */
public class StoreFloor {

    static final String[] STATE_TABLES = {"customer", "subscription", "gdap_relationship", "directory_user",
            "user_license", "user_role"};

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("--scan") || args[0].equals("--parse"))) {
            System.err.println("usage: StoreFloor --scan JDBC_URL | --parse FILE...");
            System.exit(2);
        }
        long started = System.nanoTime();
        long rows = 0;
        long chars = 0;
        if (args[0].equals("--scan")) {
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
}
