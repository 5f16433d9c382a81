import com.opencsv.CSVReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a desired CSV file as a one-sheet .xlsx workbook, streaming (SXSSF), to measure planning from a large
 * workbook: {@code java -cp "$(cat target/classpath.txt)" bench/ToXlsx.java IN.csv OUT.xlsx}.
 */
public class ToXlsx {
    public static void main(String[] args) throws Exception {
        long rows = 0;
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(in);
                SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Users");
            String[] line;
            while ((line = csv.readNext()) != null) {
                Row row = sheet.createRow((int) rows++);
                for (int i = 0; i < line.length; i++) {
                    if (!line[i].isEmpty()) {
                        row.createCell(i).setCellValue(line[i]);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
                workbook.write(out);
            }
        }
        System.out.println("wrote " + args[1] + ": " + rows + " rows");
    }
}
