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

    private final List<String> columns;
    private final Map<Integer, String> nameByIndex;
    private final Map<Integer, String> keyByIndex;
    /** The index of the rightmost named column; asked for every row read, so worked out once. */
    private final int lastIndex;

    private HeaderRow(List<String> columns, Map<Integer, String> nameByIndex, Map<Integer, String> keyByIndex) {
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
        return new HeaderRow(columns, nameByIndex, keyByIndex);
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

    /** The normalized column name at that index, or null when the column has no header. */
    String keyAt(int index) {
        return keyByIndex.get(index);
    }
}
