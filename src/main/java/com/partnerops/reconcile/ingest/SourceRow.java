package com.partnerops.reconcile.ingest;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One data row of a CSV file or worksheet, cells keyed by {@link HeaderNames#normalize normalized} header name.
 *
 * @param sheet the worksheet name, or null for CSV
 * @param rowNumber the row as the admin sees it: the line in a text editor for CSV (where the record starts),
 *     the row number Excel shows for a worksheet
 * @param problem why the row as read cannot be trusted, or null; the row is still handed on, to be rejected
 *     and reported rather than dropped
 */
public record SourceRow(String file, String sheet, int rowNumber, Map<String, String> cells, String problem) {

    /** Spaces a spreadsheet hides: a no-break space pasted with a user name makes a different name. */
    private static final String INVISIBLE = "\u00A0\u2007\u202F\u200B\uFEFF";
    private static final Pattern EDGES = Pattern.compile("^[\\s" + INVISIBLE + "]+|[\\s" + INVISIBLE + "]+$");

    public SourceRow {
        cells = Map.copyOf(cells);
    }

    public SourceRow(String file, String sheet, int rowNumber, Map<String, String> cells) {
        this(file, sheet, rowNumber, cells, null);
    }

    /** The cell under that column without white space around it; "" when the column is absent or the cell empty. */
    public String get(String column) {
        String value = cells.get(HeaderNames.normalize(column));
        return value == null ? "" : EDGES.matcher(value).replaceAll("");
    }

    public boolean has(String column) {
        return cells.containsKey(HeaderNames.normalize(column));
    }

    /** "file.xlsx sheet Users row 12", the prefix of every message about this row. */
    public String where() {
        return file + (sheet == null ? "" : " sheet " + sheet) + " row " + rowNumber;
    }
}
