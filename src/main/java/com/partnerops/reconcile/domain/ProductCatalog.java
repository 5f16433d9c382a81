package com.partnerops.reconcile.domain;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Microsoft's commercial products (SKUs) and the service plans each includes, from Microsoft's published "Product
 * names and service plan identifiers for licensing" table. It lets a spreadsheet name a license the way people write
 * it: SKU part number ({@code SPB}), SKU id (a GUID) or product display name ("Microsoft 365 Business Premium").
 *
 * <p>The project ships a derived copy at {@code src/main/resources/catalog/products.csv} ({@link #builtIn()}); the
 * {@code update-catalog} command rebuilds it from a newer copy of Microsoft's table. Its format: a product line
 * {@code skuPartNumber,skuId,displayName}, then one line per service plan of that product
 * {@code ,servicePlanName,servicePlanId,friendlyName} (the empty first cell marks a plan line); products sorted by
 * SKU part number, plans by name; cells quoted as RFC 4180 when needed; {@code #} lines are comments.
 *
 * <p>Microsoft's table has a few flaws the catalog absorbs: stray spaces (also no-break spaces and tabs) in values
 * are trimmed and runs of them inside a value become one space; a service plan listed twice in a product is kept
 * once (the first listing); and a SKU part number listed with two SKU ids (MCOPSTN5) gives two products.
 */
public final class ProductCatalog {

    /** Where {@link #builtIn()} reads from on the classpath. */
    public static final String RESOURCE = "/catalog/products.csv";

    static final String HEADER = """
            # Microsoft products (SKUs) and the service plans they include, derived from Microsoft's
            # "Product names and service plan identifiers for licensing" table by
            # `reconcile update-catalog --from TABLE.csv`: regenerate it that way, do not edit it.
            # product line:      skuPartNumber,skuId,displayName
            # service plan line: ,servicePlanName,servicePlanId,friendlyName   (belongs to the product above it)
            """;

    private static final String[] TABLE_COLUMNS = {"Product_Display_Name", "String_Id", "GUID", "Service_Plan_Name",
        "Service_Plan_Id", "Service_Plans_Included_Friendly_Names"};
    static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\uFEFF]+");
    private static final Comparator<Product> ORDER = Comparator.comparing((Product p) -> Names.key(p.skuPartNumber()))
            .thenComparing(Product::skuPartNumber).thenComparing(p -> Names.key(p.skuId()));
    private static final Comparator<ServicePlan> PLAN_ORDER = Comparator.comparing((ServicePlan p) -> Names.key(
            p.name())).thenComparing(ServicePlan::name).thenComparing(p -> Names.key(p.id()));

    /** One service plan (a service a SKU switches on), as a license's {@code disabledPlans} names it. */
    public record ServicePlan(String name, String id, String friendlyName) {
        public ServicePlan {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(friendlyName, "friendlyName");
        }
    }

    /** One SKU: {@code skuPartNumber} is what Graph and the subscriptions call it, {@code skuId} its GUID. */
    public record Product(String skuPartNumber, String skuId, String displayName, List<ServicePlan> servicePlans) {
        public Product {
            if (Names.isBlank(skuPartNumber) || Names.isBlank(skuId)) {
                throw new IllegalArgumentException("a product needs a SKU part number and a SKU id");
            }
            Objects.requireNonNull(displayName, "displayName");
            servicePlans = List.copyOf(servicePlans);
        }

        /** "Microsoft 365 Business Premium (SPB)", as reports name a product. */
        public String label() {
            return nameKey(displayName).equals(nameKey(skuPartNumber)) || displayName.isBlank() ? skuPartNumber
                    : displayName + " (" + skuPartNumber + ")";
        }
    }

    /** What a name given by a person turned out to be. */
    public sealed interface Resolution {
    }

    /** The name is a SKU part number, SKU id or display name of exactly one product. */
    public record Found(Product product) implements Resolution {
    }

    /** The name fits several products (a display name shared by SKUs); the candidates in catalog order. */
    public record Ambiguous(List<Product> candidates) implements Resolution {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * No product has that name. {@code closestMatches}: up to three products nearest to it by edit distance, as
     * {@link Product#label()}, nearest first; empty when none is reasonably close.
     */
    public record Unknown(List<String> closestMatches) implements Resolution {
        public Unknown {
            closestMatches = List.copyOf(closestMatches);
        }
    }

    private final List<Product> products;
    private final Map<String, List<Product>> bySkuPartNumber = new LinkedHashMap<>();
    private final Map<String, List<Product>> bySkuId = new LinkedHashMap<>();
    private final Map<String, List<Product>> byDisplayName = new LinkedHashMap<>();

    public ProductCatalog(List<Product> products) {
        this.products = products.stream().sorted(ORDER).toList();
        for (Product product : this.products) {
            index(bySkuPartNumber, product.skuPartNumber(), product);
            index(bySkuId, product.skuId(), product);
            index(byDisplayName, product.displayName(), product);
        }
    }

    private static void index(Map<String, List<Product>> index, String name, Product product) {
        String key = nameKey(name);
        if (!key.isEmpty()) {
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(product);
        }
    }

    /** The catalog shipped with the job, read from the classpath once. */
    public static ProductCatalog builtIn() {
        return BuiltIn.CATALOG;
    }

    private static final class BuiltIn {
        static final ProductCatalog CATALOG = load();

        private static ProductCatalog load() {
            InputStream in = ProductCatalog.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return read(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Reads Microsoft's published table (CSV as downloaded: UTF-8, with or without BOM; columns found by header name).
     * Like {@link #read}, it leaves closing {@code reader} to the caller.
     *
     * @throws IllegalArgumentException if it is not that table (a column missing, a row without String_Id or GUID)
     */
    public static ProductCatalog fromMicrosoftTable(Reader reader) {
        RFC4180Parser parser = new RFC4180ParserBuilder().build();
        CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(parser).build();
        try {
            String[] header = csv.readNext();
            if (header == null) {
                throw new IllegalArgumentException("the table is empty");
            }
            int[] column = new int[TABLE_COLUMNS.length];
            for (int c = 0; c < TABLE_COLUMNS.length; c++) {
                column[c] = indexOf(header, TABLE_COLUMNS[c]);
                if (column[c] < 0) {
                    throw new IllegalArgumentException("not Microsoft's product names table: no column "
                            + TABLE_COLUMNS[c] + " in the header row");
                }
            }
            Map<String, ProductDraft> drafts = new LinkedHashMap<>();
            int row = 1;
            for (String[] cells = csv.readNext(); cells != null; cells = csv.readNext()) {
                row++;
                String[] value = new String[TABLE_COLUMNS.length];
                for (int c = 0; c < TABLE_COLUMNS.length; c++) {
                    value[c] = column[c] < cells.length ? clean(cells[column[c]]) : "";
                }
                if (String.join("", value).isEmpty()) {
                    continue;
                }
                if (value[1].isEmpty() || value[2].isEmpty()) {
                    throw new IllegalArgumentException("row " + row + " has no " + (value[1].isEmpty() ? "String_Id"
                            : "GUID"));
                }
                drafts.computeIfAbsent(Names.key(value[1]) + "\n" + Names.key(value[2]),
                        k -> new ProductDraft(value[1], value[2], value[0]))
                        .add(value[3], value[4], value[5]);
            }
            return new ProductCatalog(drafts.values().stream().map(ProductDraft::product).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvValidationException e) {
            throw new IllegalArgumentException("the table cannot be read as CSV: " + e.getMessage(), e);
        }
    }

    private static int indexOf(String[] header, String column) {
        for (int i = 0; i < header.length; i++) {
            if (Names.key(clean(header[i])).equals(Names.key(column))) {
                return i;
            }
        }
        return -1;
    }

    private static final class ProductDraft {
        private final String skuPartNumber;
        private final String skuId;
        private final String displayName;
        private final Map<String, ServicePlan> plansById = new LinkedHashMap<>();

        ProductDraft(String skuPartNumber, String skuId, String displayName) {
            this.skuPartNumber = skuPartNumber;
            this.skuId = skuId;
            this.displayName = displayName;
        }

        void add(String name, String id, String friendlyName) {
            if (!name.isEmpty() || !id.isEmpty()) {
                plansById.putIfAbsent(Names.key(id.isEmpty() ? name : id), new ServicePlan(name, id, friendlyName));
            }
        }

        Product product() {
            return new Product(skuPartNumber, skuId, displayName,
                    plansById.values().stream().sorted(PLAN_ORDER).toList());
        }
    }

    /** Reads the derived format {@link #writeTo} writes (the shipped {@code catalog/products.csv}). */
    public static ProductCatalog read(Reader reader) {
        RFC4180Parser parser = new RFC4180ParserBuilder().build();
        List<Product> products = new ArrayList<>();
        BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        String[] product = null;
        List<ServicePlan> plans = new ArrayList<>();
        int lineNumber = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = parser.parseLine(line);
                boolean planLine = cells[0].isEmpty();
                if (cells.length != (planLine ? 4 : 3)) {
                    throw new IllegalArgumentException("catalog line " + lineNumber + ": expected "
                            + (planLine ? "a service plan ,name,id,friendlyName" : "a product skuPartNumber,skuId,"
                                    + "displayName") + " but found " + cells.length + " cells");
                }
                if (planLine) {
                    if (product == null) {
                        throw new IllegalArgumentException("catalog line " + lineNumber
                                + ": a service plan before any product");
                    }
                    plans.add(new ServicePlan(cells[1], cells[2], cells[3]));
                } else {
                    if (product != null) {
                        products.add(new Product(product[0], product[1], product[2], plans));
                    }
                    product = cells;
                    plans = new ArrayList<>();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (product != null) {
            products.add(new Product(product[0], product[1], product[2], plans));
        }
        return new ProductCatalog(products);
    }

    /** Writes the derived format: sorted, one line per product and per service plan, so updates diff well. */
    public void writeTo(Writer writer) {
        try {
            writer.write(HEADER);
            for (Product product : products) {
                writeLine(writer, product.skuPartNumber(), product.skuId(), product.displayName());
                for (ServicePlan plan : product.servicePlans()) {
                    writeLine(writer, "", plan.name(), plan.id(), plan.friendlyName());
                }
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLine(Writer writer, String... cells) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            if (cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a catalog value cannot span lines: " + cell);
            }
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.startsWith("#")
                    || !cell.equals(cell.strip());
            line.append(i == 0 ? "" : ",").append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        writer.write(line.append('\n').toString());
    }

    public List<Product> products() {
        return products;
    }

    /** What {@code name} is: a SKU part number, then a SKU id, then a display name (all case-insensitive). */
    public Resolution resolve(String name) {
        String key = nameKey(name);
        for (Map<String, List<Product>> index : List.of(bySkuPartNumber, bySkuId, byDisplayName)) {
            List<Product> found = index.get(key);
            if (found != null) {
                return found.size() == 1 ? new Found(found.get(0)) : new Ambiguous(found);
            }
        }
        NearestNames nearest = new NearestNames(name);
        considerAll(nearest);
        return new Unknown(nearest.nearest());
    }

    /** Offers every product's SKU part number and display name as a "did you mean" candidate. */
    void considerAll(NearestNames nearest) {
        for (Product product : products) {
            nearest.consider(product.skuPartNumber(), product.label());
            nearest.consider(product.displayName(), product.label());
        }
    }

    /** The product's service plan with that name or id (case-insensitive), as {@code disabledPlans} names one. */
    public Optional<ServicePlan> servicePlan(Product product, String nameOrId) {
        String key = nameKey(nameOrId);
        return product.servicePlans().stream()
                .filter(plan -> nameKey(plan.name()).equals(key) || Names.key(plan.id()).equals(key)).findFirst();
    }

    /**
     * A {@code disabledPlans} entry's plan, named by name or id, as the catalog names it; as written when the catalog
     * does not know the SKU or the plan. Desired files and snapshots read the entry this one way.
     */
    public String servicePlanName(String skuPartNumber, String written) {
        return resolve(skuPartNumber) instanceof Found found
                ? servicePlan(found.product(), written).map(ServicePlan::name).orElse(written)
                : written;
    }

        /** {@link Names#key} after turning every run of white space (no-break spaces and tabs too) into one space. */
    static String nameKey(String name) {
        return Names.key(clean(name));
    }

    /** Trimmed, with every run of white space (no-break spaces and tabs too) turned into one space. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        // Almost every name is clean already; the regex is for the few that are not (planning asks thousands of
        // times per customer).
        return isClean(value) ? value : SPACES.matcher(value).replaceAll(" ").strip();
    }

    /** Whether {@link #clean} returns the value as it is: nothing to strip, no white space but single spaces. */
    private static boolean isClean(String value) {
        int length = value.length();
        if (length == 0) {
            return true;
        }
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(length - 1))
                || isSpace(value.charAt(0)) || isSpace(value.charAt(length - 1))) {
            return false;
        }
        for (int i = 1; i < length - 1; i++) {
            char c = value.charAt(i);
            if (c == ' ' ? isSpace(value.charAt(i + 1)) : isSpace(c)) {
                return false;
            }
        }
        return true;
    }

    /** A character of {@link #SPACES}: {@code \s}, a Unicode separator ({@code \p{Z}}) or the byte-order mark. */
    private static boolean isSpace(char c) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\uFEFF') {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProductCatalog catalog && products.equals(catalog.products);
    }

    @Override
    public int hashCode() {
        return products.hashCode();
    }

    @Override
    public String toString() {
        return "ProductCatalog[" + products.size() + " products]";
    }
}
