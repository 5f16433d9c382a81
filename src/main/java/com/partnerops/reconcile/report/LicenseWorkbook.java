package com.partnerops.reconcile.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumn;

/**
 * license-report.xlsx: sheets Customers, SKUs and Actions, each one Excel table (filter buttons, banded rows) with a
 * frozen header; counts, money in the price list's currency and dates as real number and date cells, text always
 * as text (never a formula). Streamed: the SKUs sheet keeps only its last rows in memory.
 */
final class LicenseWorkbook implements Closeable {

    private static final int WINDOW = 100;
    private static final String TABLE_STYLE = "TableStyleMedium2";

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final CellStyle bold = bold(workbook);
    private final CellStyle count = format("#,##0");
    private final CellStyle change = format("+#,##0;-#,##0;0");
    private final CellStyle date = format("yyyy-mm-dd");
    private final CellStyle money;
    private final SheetWriter customers;
    private final SheetWriter skus;
    private final SheetWriter actions;

    /** @param currency the price list's currency (ISO code) for the money format, or null without prices */
    LicenseWorkbook(String currency) {
        money = format(currency == null ? "#,##0.00" : "#,##0.00 \"" + currency + "\"");
        customers = sheet("Customers", CustomerLicenses.HEADER, Set.of("skus", "purchased", "assigned", "free",
                "actions"), Set.of("monthlyCost", "monthlyUnusedCost"), Set.of());
        skus = sheet("SKUs", LicenseLine.SHEET_HEADER, Set.of("purchased", "assigned", "assignedByGroup", "free",
                "reducibleSeats"), Set.of("pricePerSeatMonth", "monthlyCost", "monthlyUnusedCost"),
                Set.of("termEnd", "reducibleUntil"));
        actions = sheet("Actions", ActionLine.HEADER, Set.of("seats"), Set.of("monthlyAtStake"), Set.of("by"));
    }

    void add(LicenseLine line) {
        skus.write(line.sheetValues());
    }

    void write(Path file, List<CustomerLicenses> customerTotals, String currency, List<ActionLine> actionLines)
            throws IOException {
        customerTotals.forEach(c -> customers.write(c.values(currency)));
        actionLines.forEach(a -> actions.write(a.values()));
        table(customers, CustomerLicenses.HEADER);
        table(skus, LicenseLine.SHEET_HEADER);
        table(actions, ActionLine.HEADER);
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }

    /** Also deletes the temp files SXSSF streamed the rows to. */
    @Override
    public void close() throws IOException {
        workbook.close();
    }

    private SheetWriter sheet(String name, List<String> header, Set<String> counts, Set<String> amounts,
            Set<String> dates) {
        Map<Integer, CellStyle> styles = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (counts.contains(column)) {
                styles.put(i, count);
            } else if (amounts.contains(column)) {
                styles.put(i, money);
            } else if (dates.contains(column)) {
                styles.put(i, date);
            } else if (column.contains("Since")) {
                styles.put(i, change);
            }
        }
        return new SheetWriter(workbook.createSheet(name), header, Set.of(), bold, styles);
    }

    /**
     * Makes the sheet's rows an Excel table. SXSSF cannot, so the table goes on the sheet underneath; it cannot see
     * the streamed header row either, so the column names are set here, as Excel insists they match the header.
     * A table needs one data row: an empty sheet's table spans an empty row.
     */
    private void table(SheetWriter sheet, List<String> header) {
        AreaReference area = new AreaReference(new CellReference(0, 0),
                new CellReference(Math.max(1, sheet.lastRow()), header.size() - 1), SpreadsheetVersion.EXCEL2007);
        XSSFTable table = workbook.getXSSFWorkbook().getSheet(sheet.name()).createTable(area);
        table.setName(sheet.name());
        table.setDisplayName(sheet.name());
        table.setStyleName(TABLE_STYLE);
        table.getCTTable().getTableStyleInfo().setShowRowStripes(true);
        if (!table.getCTTable().isSetAutoFilter()) {
            table.getCTTable().addNewAutoFilter().setRef(area.formatAsString());
        }
        CTTableColumn[] columns = table.getCTTable().getTableColumns().getTableColumnArray();
        for (int i = 0; i < columns.length; i++) {
            columns[i].setName(header.get(i));
        }
    }

    private CellStyle format(String pattern) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
        return style;
    }

    private static CellStyle bold(SXSSFWorkbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }
}
