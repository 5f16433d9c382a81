package com.partnerops.reconcile.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** A report sheet read back as a user sees it: rows of cells by header name, and each cell as Excel shows it. */
record ReportSheet(List<String> header, List<Map<String, Cell>> rows) {

    private static final DataFormatter EXCEL = new DataFormatter(java.util.Locale.US);

    static ReportSheet of(XSSFSheet sheet) {
        List<String> header = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
        List<Map<String, Cell>> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), row.getCell(c));
            }
            rows.add(cells);
        }
        return new ReportSheet(header, rows);
    }

    /** The one row whose column holds that text. */
    Map<String, Cell> row(String column, String value) {
        List<Map<String, Cell>> found = rows.stream().filter(r -> value.equals(text(r.get(column)))).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " rows with " + column + " = " + value);
        }
        return found.get(0);
    }

    /** The cell as Excel displays it (number and date formats applied); "" for an empty cell. */
    static String shown(Cell cell) {
        return cell == null ? "" : EXCEL.formatCellValue(cell);
    }

    static String text(Cell cell) {
        return cell == null || cell.getCellType() != CellType.STRING ? shown(cell) : cell.getStringCellValue();
    }

    static double number(Cell cell) {
        if (cell == null || cell.getCellType() != CellType.NUMERIC) {
            throw new AssertionError("not a number cell: " + (cell == null ? "empty" : cell.getCellType() + " "
                    + shown(cell)));
        }
        return cell.getNumericCellValue();
    }
}
