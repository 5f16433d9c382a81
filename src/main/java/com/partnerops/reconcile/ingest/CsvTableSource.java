package com.partnerops.reconcile.ingest;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** STUB: UTF-8, comma only. To be replaced by the dialect-detecting reader. */
public final class CsvTableSource implements TableSource {
    private final String file;
    private final CSVReader reader;
    private final List<String> columns;
    private final int headerRow;

    public CsvTableSource(Path path, Set<String> expectedColumns) {
        this.file = path.toString();
        try {
            reader = new CSVReader(Files.newBufferedReader(path, StandardCharsets.UTF_8));
            String[] header = reader.readNext();
            if (header == null) {
                throw new UnusableInputException(file, null, 1, null, "the file is empty");
            }
            header[0] = header[0].replace("\uFEFF", "");
            columns = Arrays.asList(header);
            headerRow = 1;
        } catch (IOException | CsvValidationException e) {
            throw new UnusableInputException(file, null, 0, null, e.getMessage(), e);
        }
    }

    public String file() { return file; }
    public String sheet() { return null; }
    public int headerRow() { return headerRow; }
    public List<String> columns() { return columns; }

    public SourceRow next() {
        try {
            while (true) {
                long line = reader.getLinesRead() + 1;
                String[] cells = reader.readNext();
                if (cells == null) {
                    return null;
                }
                if (Arrays.stream(cells).allMatch(String::isBlank)) {
                    continue;
                }
                Map<String, String> byColumn = new HashMap<>();
                for (int i = 0; i < columns.size() && i < cells.length; i++) {
                    byColumn.put(HeaderNames.normalize(columns.get(i)), cells[i]);
                }
                return new SourceRow(file, null, (int) line, byColumn);
            }
        } catch (IOException | CsvValidationException e) {
            throw new UnusableInputException(file, null, (int) reader.getLinesRead(), null, e.getMessage(), e);
        }
    }

    public void close() throws IOException { reader.close(); }
}
