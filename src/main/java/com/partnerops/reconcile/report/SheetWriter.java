package com.partnerops.reconcile.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Appends rows to one sheet of a streaming workbook: bold frozen header, fixed widths, autofilter over what was written.
 * Text always goes in as a string cell, never a formula, so a value such as {@code =HYPERLINK(...)} stays inert.
 */
final class SheetWriter {

    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
    /** Widths in characters; SXSSF cannot auto-size without keeping every row, which a million-row plan cannot afford. */
    private static final Map<String, Integer> WIDTHS = Map.ofEntries(
            Map.entry("tenantId", 38), Map.entry("customer", 28), Map.entry("userPrincipalName", 36),
            Map.entry("change", 20), Map.entry("target", 28), Map.entry("before", 24), Map.entry("after", 24),
            Map.entry("message", 70), Map.entry("sourceFile", 24), Map.entry("productName", 36),
            Map.entry("advice", 60), Map.entry("item", 28), Map.entry("value", 60));
    private static final int DEFAULT_WIDTH = 14;

    private final Sheet sheet;
    private final int columns;
    private final Set<Integer> numericColumns;
    private final CellStyle bold;
    private final Map<Integer, CellStyle> styles;
    /**
     * The workbook's default style, set on every cell that has no other: a cell without a style makes SXSSF look
     * up its column's default style in the sheet's XML column definitions as it streams the row out, which took
     * most of the time of writing plan.xlsx.
     */
    private final CellStyle plain;
    private int nextRow;
    private long overflow;

    /** @param numericColumns columns whose text cells hold whole numbers to be written as numeric cells */
    SheetWriter(Sheet sheet, List<String> header, Set<Integer> numericColumns, CellStyle bold) {
        this(sheet, header, numericColumns, bold, Map.of());
    }

    /** @param styles the number or date format of a column's cells, by column index */
    SheetWriter(Sheet sheet, List<String> header, Set<Integer> numericColumns, CellStyle bold,
            Map<Integer, CellStyle> styles) {
        this.sheet = sheet;
        this.columns = header.size();
        this.numericColumns = numericColumns;
        this.bold = bold;
        this.styles = Map.copyOf(styles);
        this.plain = sheet.getWorkbook().getCellStyleAt(0);
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, WIDTHS.getOrDefault(header.get(i), DEFAULT_WIDTH) * 256);
        }
        writeBold(header);
        sheet.createFreezePane(0, 1);
    }

    /**
     * Writes one row; a {@link Number} becomes a numeric cell, a {@link LocalDate} a date cell (both in the column's
     * style), anything else text.
     */
    void write(List<?> values) {
        Row row = nextRow();
        if (row == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Number number) {
                styled(row.createCell(i), i).setCellValue(number.doubleValue());
            } else if (value instanceof LocalDate date) {
                styled(row.createCell(i), i).setCellValue(date);
            } else if (value != null && !value.toString().isEmpty()) {
                String text = value.toString();
                if (numericColumns.contains(i)) {
                    styled(row.createCell(i), i).setCellValue(Long.parseLong(text));
                } else {
                    // Excel refuses to open a file with a longer cell; plan.csv keeps the full text.
                    styled(row.createCell(i), i)
                            .setCellValue(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
                }
            }
        }
    }

    /** A header line inside the sheet, for the Summary sheet's second and third tables. */
    void writeBold(List<String> labels) {
        Row row = nextRow();
        if (row == null) {
            return;
        }
        for (int i = 0; i < labels.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(labels.get(i));
            cell.setCellStyle(bold);
        }
    }

    private Cell styled(Cell cell, int column) {
        cell.setCellStyle(styles.getOrDefault(column, plain));
        return cell;
    }

    void skipRow() {
        nextRow++;
    }

    /** Rows that did not fit in the sheet's 1,048,576 rows; the CSV has them all. */
    long overflow() {
        return overflow;
    }

    String name() {
        return sheet.getSheetName();
    }

    /** The index of the last row written, the header's when no row was. */
    int lastRow() {
        return nextRow - 1;
    }

    /** Sets the autofilter once the last row is known. */
    void finish() {
        sheet.setAutoFilter(new CellRangeAddress(0, nextRow - 1, 0, columns - 1));
    }

    private Row nextRow() {
        if (nextRow > LAST_ROW) {
            overflow++;
            return null;
        }
        return sheet.createRow(nextRow++);
    }
}
