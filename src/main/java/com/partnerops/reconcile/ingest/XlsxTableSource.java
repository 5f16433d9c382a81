package com.partnerops.reconcile.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** STUB: whole-workbook user model, header on the first row. To be replaced by the streaming reader. */
public final class XlsxTableSource implements TableSource {
    private final String file;
    private final XSSFWorkbook workbook;
    private final Sheet sheet;
    private final List<String> columns = new ArrayList<>();
    private final DataFormatter formatter = new DataFormatter();
    private int next;

    public XlsxTableSource(Path path, String sheetName, Set<String> expectedColumns) {
        this.file = path.toString();
        try {
            workbook = new XSSFWorkbook(path.toFile());
        } catch (Exception e) {
            throw new UnusableInputException(file, null, 0, null, "not a readable .xlsx workbook: " + e.getMessage(), e);
        }
        sheet = sheetName == null ? workbook.getSheetAt(0) : workbook.getSheet(sheetName);
        if (sheet == null) {
            throw new UnusableInputException(file, sheetName, 0, null, "no such sheet");
        }
        Row header = sheet.getRow(sheet.getFirstRowNum());
        for (Cell cell : header) {
            while (columns.size() < cell.getColumnIndex()) {
                columns.add("");
            }
            columns.add(formatter.formatCellValue(cell));
        }
        next = header.getRowNum() + 1;
    }

    public String file() { return file; }
    public String sheet() { return sheet.getSheetName(); }
    public int headerRow() { return sheet.getFirstRowNum() + 1; }
    public List<String> columns() { return columns; }

    public SourceRow next() {
        while (next <= sheet.getLastRowNum()) {
            Row row = sheet.getRow(next++);
            if (row == null) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            boolean blank = true;
            for (int i = 0; i < columns.size(); i++) {
                String value = formatter.formatCellValue(row.getCell(i));
                blank &= value.isBlank();
                cells.put(HeaderNames.normalize(columns.get(i)), value);
            }
            if (!blank) {
                return new SourceRow(file, sheet.getSheetName(), row.getRowNum() + 1, cells);
            }
        }
        return null;
    }

    public void close() throws IOException { workbook.close(); }
}
