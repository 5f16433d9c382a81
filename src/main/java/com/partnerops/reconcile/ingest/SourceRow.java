package com.partnerops.reconcile.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** Column names as the code asks for them, normalized once: get() runs for every cell of every row. */
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    public SourceRow {
        cells = Map.copyOf(cells);
    }

    public SourceRow(String file, String sheet, int rowNumber, Map<String, String> cells) {
        this(file, sheet, rowNumber, cells, null);
    }

    /** The cell under that column without white space around it; "" when the column is absent or the cell empty. */
    public String get(String column) {
        String value = cells.get(KEYS.computeIfAbsent(column, HeaderNames::normalize));
        return value == null ? "" : trim(value);
    }

    /**
     * Trims white space including the kinds a spreadsheet hides: a no-break space pasted with a user name would
     * otherwise make a different name.
     */
    private static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && invisible(value.charAt(start))) {
            start++;
        }
        while (end > start && invisible(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean invisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    public boolean has(String column) {
        return cells.containsKey(KEYS.computeIfAbsent(column, HeaderNames::normalize));
    }

    /** "file.xlsx sheet Users row 12", the prefix of every message about this row. */
    public String where() {
        return file + (sheet == null ? "" : " sheet " + sheet) + " row " + rowNumber;
    }
}
