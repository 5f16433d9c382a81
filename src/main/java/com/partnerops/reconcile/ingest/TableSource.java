package com.partnerops.reconcile.ingest;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The one way this project reads a table, CSV or .xlsx alike: a header row, then data rows one at a time, so a
 * file of any size streams. Blank rows are skipped. Implementations: {@link CsvTableSource}, {@link XlsxTableSource}.
 */
public interface TableSource extends Closeable {

    /**
     * Opens a file by its extension: {@code .xlsx}/{@code .xlsm} as a workbook, anything else as delimited text.
     *
     * @param sheet the worksheet to read, or null for the first one (ignored for CSV)
     * @param expectedColumns column names this caller knows; the header is the first row that contains at least
     *     one of them (after {@link HeaderNames#normalize}), so title rows above the header are skipped
     * @throws UnusableInputException when the file cannot be read as a table or no header row is found
     */
    static TableSource open(Path file, String sheet, Set<String> expectedColumns) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return new XlsxTableSource(file, sheet, expectedColumns);
        }
        return new CsvTableSource(file, expectedColumns);
    }

    /** The file as named in messages (the path the admin gave). */
    String file();

    /** The sheet read, or null for CSV. */
    String sheet();

    /** The row number of the header row. */
    int headerRow();

    /** The header cells in file order, as written (not normalized). */
    List<String> columns();

    /**
     * The next non-blank data row, or null at the end.
     *
     * @throws UnusableInputException when the rest of the file cannot be read (broken quoting, corrupt zip, ...)
     */
    SourceRow next();

    /**
     * @throws UnusableInputException naming the first required column the header lacks
     */
    default void require(Set<String> requiredColumns) {
        Set<String> present = new java.util.HashSet<>();
        columns().forEach(c -> present.add(HeaderNames.normalize(c)));
        for (String required : requiredColumns) {
            if (!present.contains(HeaderNames.normalize(required))) {
                throw new UnusableInputException(file(), sheet(), headerRow(), required,
                        "required column is missing; the header has " + columns());
            }
        }
    }
}
