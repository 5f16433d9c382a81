package com.partnerops.reconcile.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.IntFunction;

/** The header row of a table, shared by the CSV and .xlsx readers: which column index holds which column. */
final class HeaderRow {

    /** The header must be among this many first non-blank rows: a few title rows are normal, a page is not. */
    static final int HEADER_SEARCH_ROWS = 20;
    /**
     * Excel's own limit for a cell: no spreadsheet holds a longer one, so a longer cell is a file that is not what
     * it seems. Up to it, the store holds every cell, and every message that quotes one.
     */
    static final int MAX_CELL_CHARS = 32_767;

    private final String file;
    private final String sheet;
    private final List<String> columns;
    private final Map<Integer, String> nameByIndex;
    private final Map<Integer, String> keyByIndex;
    /** The index of the rightmost named column; asked for every row read, so worked out once. */
    private final int lastIndex;

    private HeaderRow(String file, String sheet, List<String> columns, Map<Integer, String> nameByIndex,
            Map<Integer, String> keyByIndex) {
        this.file = file;
        this.sheet = sheet;
        this.columns = List.copyOf(columns);
        this.nameByIndex = Map.copyOf(nameByIndex);
        this.keyByIndex = Map.copyOf(keyByIndex);
        this.lastIndex = nameByIndex.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    static Set<String> keysOf(Set<String> expectedColumns) {
        Set<String> keys = new HashSet<>();
        for (String column : expectedColumns) {
            String key = HeaderNames.normalize(column);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        return keys;
    }

    static boolean isHeader(Collection<String> cells, Set<String> expectedKeys) {
        return cells.stream().anyMatch(cell -> expectedKeys.contains(HeaderNames.normalize(cell)));
    }

    static String noHeaderMessage(Set<String> expectedColumns) {
        return "no header row found: expected a row with columns such as " + expectedColumns;
    }

    /**
     * @param cells the header cells by column index
     * @param label how the admin names a column position ("3" in CSV, "C" in Excel)
     * @throws UnusableInputException when two cells name the same column
     */
    static HeaderRow of(SortedMap<Integer, String> cells, IntFunction<String> label, String file, String sheet,
            int row) {
        List<String> columns = new ArrayList<>();
        Map<Integer, String> nameByIndex = new HashMap<>();
        Map<Integer, String> keyByIndex = new HashMap<>();
        Map<String, Integer> indexByKey = new HashMap<>();
        cells.forEach((index, cell) -> {
            requireFits(file, sheet, row, label.apply(index), cell);
            String name = cell.strip();
            String key = HeaderNames.normalize(name);
            if (key.isEmpty()) {
                // a blank header cell (typically trailing, from a formatted but unused column): its data is ignored
                return;
            }
            Integer first = indexByKey.putIfAbsent(key, index);
            if (first != null) {
                throw new UnusableInputException(file, sheet, row, name, "column appears twice (columns "
                        + label.apply(first) + " and " + label.apply(index) + "); rename or delete one of them");
            }
            columns.add(name);
            nameByIndex.put(index, name);
            keyByIndex.put(index, key);
        });
        return new HeaderRow(file, sheet, columns, nameByIndex, keyByIndex);
    }

    /**
     * Puts a data cell under its column's normalized name; a cell of a column without header is left out.
     *
     * @throws UnusableInputException when the cell is longer than any cell can be
     */
    void put(Map<String, String> cells, int index, String value, int row) {
        String key = keyByIndex.get(index);
        if (key != null) {
            requireFits(file, sheet, row, nameByIndex.get(index), value);
            cells.put(key, value);
        }
    }

    private static void requireFits(String file, String sheet, int row, String column, String value) {
        if (value.length() > MAX_CELL_CHARS) {
            throw new UnusableInputException(file, sheet, row, column, "the cell is " + value.length()
                    + " characters long; a cell holds at most " + MAX_CELL_CHARS + " (as in Excel)");
        }
    }

    List<String> columns() {
        return columns;
    }

    /** The index of the rightmost named column. */
    int lastIndex() {
        return lastIndex;
    }

    /** The column name at that index as written, or null when the column has no header. */
    String nameAt(int index) {
        return nameByIndex.get(index);
    }
}
