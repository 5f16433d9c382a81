package com.partnerops.reconcile.ingest;

import java.util.Map;

/**
 * One data row of a CSV file or worksheet, cells keyed by {@link HeaderNames#normalize normalized} header name.
 *
 * @param sheet the worksheet name, or null for CSV
 * @param rowNumber the row as the admin sees it: the line in a text editor for CSV (where the record starts),
 *     the row number Excel shows for a worksheet
 */
public record SourceRow(String file, String sheet, int rowNumber, Map<String, String> cells) {

    public SourceRow {
        cells = Map.copyOf(cells);
    }

    /** The cell under that column, stripped; "" when the column is absent or the cell empty. */
    public String get(String column) {
        String value = cells.get(HeaderNames.normalize(column));
        return value == null ? "" : value.strip();
    }

    public boolean has(String column) {
        return cells.containsKey(HeaderNames.normalize(column));
    }

    /** "file.xlsx sheet Users row 12", the prefix of every message about this row. */
    public String where() {
        return file + (sheet == null ? "" : " sheet " + sheet) + " row " + rowNumber;
    }
}
