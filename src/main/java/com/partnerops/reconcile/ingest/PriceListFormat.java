package com.partnerops.reconcile.ingest;

import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.domain.PriceList;
import com.partnerops.reconcile.domain.SeatPrice;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A price list (CSV or .xlsx, read like every other table): a {@code sku} (SKU part number) or {@code productName}
 * per row, {@code pricePerSeatMonth} and {@code currency}. Prices may be written the French Excel way ({@code 12,50},
 * {@code 1 234,50 €}); what cannot be used is said with file, row and column, every problem at once.
 */
public final class PriceListFormat {

    public static final String SKU = "sku";
    public static final String SKU_PART_NUMBER = "skuPartNumber";
    public static final String PRODUCT_NAME = "productName";
    public static final String PRICE = "pricePerSeatMonth";
    public static final String CURRENCY = "currency";

    private static final int MAX_PROBLEMS = 50;
    /** Thousands separators and currency signs a spreadsheet may leave around a number. */
    private static final Pattern DECORATION = Pattern.compile("[\\s\\u00A0\\u202F'€$£]");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Map<String, String> SIGNS = Map.of("€", "EUR", "$", "USD", "£", "GBP");

    private PriceListFormat() {
    }

    /** @throws UnusableInputException naming file, row and column of every unusable cell */
    public static PriceList read(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new UnusableInputException(name, null, 0, null, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw UnusableInputException.notARegularFile(name);
        }
        TableItemReader reader = new TableItemReader(List.of(file), null,
                Set.of(SKU, SKU_PART_NUMBER, PRODUCT_NAME, PRICE, CURRENCY), Set.of(PRICE, CURRENCY));
        Map<String, Priced> bySku = new HashMap<>();
        Map<String, Priced> byProduct = new HashMap<>();
        List<UnusableInputException> problems = new ArrayList<>();
        String[] currency = new String[1];
        try {
            for (SourceRow row = reader.read(); row != null; row = reader.read()) {
                try {
                    add(row, bySku, byProduct, currency);
                } catch (UnusableInputException e) {
                    problems.add(e);
                }
            }
        } finally {
            reader.close();
        }
        UnusableInputException.throwIfAny(problems, MAX_PROBLEMS);
        return new PriceList(name, currency[0], prices(bySku), prices(byProduct));
    }

    /** A priced SKU or product and the row that priced it, to name both rows when a second one disagrees. */
    private record Priced(SeatPrice price, int row) {
    }

    private static void add(SourceRow row, Map<String, Priced> bySku, Map<String, Priced> byProduct,
            String[] currency) {
        String sku = row.get(SKU).isEmpty() ? row.get(SKU_PART_NUMBER) : row.get(SKU);
        String product = row.get(PRODUCT_NAME);
        if (sku.isEmpty() && product.isEmpty()) {
            throw problem(row, SKU, "the row names no SKU part number and no product name (columns " + SKU
                    + " or " + PRODUCT_NAME + ")");
        }
        // the currency first: a row whose price is unusable still says which currency the list is in
        String code = currency(row);
        if (currency[0] == null) {
            currency[0] = code;
        } else if (!currency[0].equals(code)) {
            throw problem(row, CURRENCY, code + " in a price list in " + currency[0]
                    + ": costs of different currencies do not add up; give one price list per currency");
        }
        SeatPrice price = new SeatPrice(price(row), code);
        Priced priced = new Priced(price, row.rowNumber());
        if (!sku.isEmpty()) {
            put(bySku, Names.key(sku), priced, row, sku);
        } else {
            put(byProduct, Names.key(product), priced, row, product);
        }
    }

    private static void put(Map<String, Priced> prices, String key, Priced priced, SourceRow row, String named) {
        Priced first = prices.putIfAbsent(key, priced);
        if (first != null && first.price().perSeatMonth().compareTo(priced.price().perSeatMonth()) != 0) {
            throw problem(row, PRICE, "'" + named + "' is priced twice, differently (rows " + first.row() + " and "
                    + row.rowNumber() + "); keep one");
        }
    }

    private static BigDecimal price(SourceRow row) {
        String text = row.get(PRICE);
        String number = DECORATION.matcher(text).replaceAll("");
        int comma = number.lastIndexOf(',');
        int point = number.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            // both: the last one is the decimal separator, the other groups thousands (1.234,50 or 1,234.50)
            number = comma > point ? number.replace(".", "").replace(',', '.') : number.replace(",", "");
        } else if (comma >= 0) {
            number = number.indexOf(',') == comma ? number.replace(',', '.') : number.replace(",", "");
        }
        if (!NUMBER.matcher(number).matches()) {
            throw problem(row, PRICE, (text.isEmpty() ? "no price" : "'" + text + "' is not a price")
                    + ": give the price of one seat for one month, such as 12.50 or 12,50");
        }
        return new BigDecimal(number);
    }

    private static String currency(SourceRow row) {
        String text = row.get(CURRENCY);
        String code = SIGNS.getOrDefault(text, text.toUpperCase(Locale.ROOT));
        try {
            Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException e) {
            throw problem(row, CURRENCY, (text.isEmpty() ? "no currency" : "'" + text + "' is not a currency")
                    + ": give its ISO 4217 code, such as EUR or USD");
        }
    }

    private static Map<String, SeatPrice> prices(Map<String, Priced> priced) {
        Map<String, SeatPrice> prices = new HashMap<>();
        priced.forEach((key, p) -> prices.put(key, p.price()));
        return prices;
    }

    private static UnusableInputException problem(SourceRow row, String column, String message) {
        return new UnusableInputException(row.file(), row.sheet(), row.rowNumber(), column, message);
    }
}
