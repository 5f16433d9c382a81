package com.partnerops.reconcile.state;

import com.partnerops.reconcile.domain.CountryCodes;
import com.partnerops.reconcile.domain.Customer;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.domain.UserAttribute;
import com.partnerops.reconcile.ingest.SourceRow;
import com.partnerops.reconcile.ingest.TableItemReader;
import com.partnerops.reconcile.ingest.UnusableInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Microsoft 365 admin center's <i>Active users</i> exports a snapshot may hold in {@code active-users/}: one CSV
 * per customer, named after the customer's tenant id, domain or exact name as {@code customers.csv} writes it
 * ({@code active-users/contoso.onmicrosoft.com.csv}). They stand in for that customer's rows of {@code users.csv}.
 *
 * <p>Columns are found by header name, since the layout changed over time (an older alphabetical one with
 * {@code Country/Region}, a newer one starting {@code Display name,DirSyncEnabled,...} with {@code CountryOrRegion})
 * and locales write {@code ;} between cells; the columns not listed here are ignored. {@code Country/Region} is where
 * the user is, not the usage location licenses depend on, so it is never read as one. The export carries no admin
 * roles: its users are stored with none, and no disabled plans.
 */
public class ActiveUsersExports {

    public static final String FOLDER = "active-users";

    // The export's own header names, so that messages name the column the admin sees in the file.
    static final String USER_PRINCIPAL_NAME = "User principal name";
    static final String DISPLAY_NAME = "Display name";
    static final String FIRST_NAME = "First name";
    static final String LAST_NAME = "Last name";
    static final String TITLE = "Title";
    static final String DEPARTMENT = "Department";
    static final String USAGE_LOCATION = "Usage location";
    /** Also matches the {@code BlockCredential} some versions write: header names ignore case and spaces. */
    static final String BLOCK_CREDENTIAL = "Block credential";
    static final String LICENSES = "Licenses";

    static final Set<String> KNOWN_COLUMNS = Set.of(USER_PRINCIPAL_NAME, DISPLAY_NAME, FIRST_NAME, LAST_NAME, TITLE,
            DEPARTMENT, USAGE_LOCATION, BLOCK_CREDENTIAL, LICENSES);
    /** Without {@code Licenses} every user would be loaded unlicensed, and a plan would hand out their seats again. */
    static final Set<String> REQUIRED_COLUMNS = Set.of(USER_PRINCIPAL_NAME, LICENSES);

    private static final Map<String, UserAttribute> ATTRIBUTE_COLUMNS = attributeColumns();
    /** Country names in English ("United States", as the admin center shows usage locations) to ISO codes. */
    private static final Map<String, String> COUNTRY_BY_ENGLISH_NAME = countriesByEnglishName();

    private final SnapshotLicenseNames licenseNames;
    /** The matched exports by file as rows name it ({@link SourceRow#file()}), in file name order. */
    private final Map<String, Customer> customerByFile = new LinkedHashMap<>();
    private final List<UnusableInputException> problems = new ArrayList<>();

    /**
     * Matches every file in {@code snapshotDir/active-users/} to its customer; a file that names none, or the same
     * customer as another file, is one of {@link #problems()}.
     */
    public ActiveUsersExports(Path snapshotDir, Collection<Customer> customers, SnapshotLicenseNames licenseNames) {
        this.licenseNames = licenseNames;
        Map<String, Path> fileByTenant = new HashMap<>();
        for (Path file : listFolder(snapshotDir.resolve(FOLDER))) {
            String name = file.getFileName().toString();
            Optional<Customer> customer = Files.isRegularFile(file) && name.toLowerCase(Locale.ROOT).endsWith(".csv")
                    ? customerNamed(name.substring(0, name.length() - ".csv".length()), customers)
                    : Optional.empty();
            if (customer.isEmpty()) {
                problems.add(new UnusableInputException(file.toString(), null, 0, null, "names no customer of"
                        + " customers.csv: " + FOLDER + "/ holds one admin center Active users export per customer,"
                        + " named after its tenant id, domain or exact name (e.g. contoso.onmicrosoft.com.csv)"));
                continue;
            }
            Path earlier = fileByTenant.putIfAbsent(customer.get().tenantId(), file);
            if (earlier != null) {
                problems.add(new UnusableInputException(file.toString(), null, 0, null, "names the same customer as "
                        + earlier + " (" + customer.get().name() + "); keep one export per customer"));
                continue;
            }
            customerByFile.put(file.toString(), customer.get());
        }
    }

    /** Whether the snapshot has an {@code active-users/} folder (then {@code users.csv} may be left out). */
    public static boolean present(Path snapshotDir) {
        return Files.isDirectory(snapshotDir.resolve(FOLDER));
    }

    /** Files that name no customer, or one another file names too. */
    public List<UnusableInputException> problems() {
        return List.copyOf(problems);
    }

    /** The exports that name a customer, in file name order. */
    public List<Path> files() {
        return customerByFile.keySet().stream().map(Path::of).toList();
    }

    /** Every row of every matched export, streamed. */
    public TableItemReader reader() {
        return new TableItemReader(files(), null, KNOWN_COLUMNS, REQUIRED_COLUMNS);
    }

    /** One export row as the user it describes, in the tenant the file is named after. */
    public DirectoryUser toUser(SourceRow row) {
        if (row.problem() != null) {
            throw SnapshotFormat.problem(row, null, row.problem());
        }
        SnapshotFormat.refuseCharacters(row, KNOWN_COLUMNS, Set.of());
        Customer customer = customerByFile.get(row.file());
        if (customer == null) {
            throw new IllegalStateException(row.file() + " is not a matched export: " + customerByFile.keySet());
        }
        if (row.get(USER_PRINCIPAL_NAME).isEmpty()) {
            throw SnapshotFormat.problem(row, USER_PRINCIPAL_NAME, "a value is required");
        }
        SnapshotFormat.requireFits(row, USER_PRINCIPAL_NAME, SnapshotFormat.MAX_UPN_LENGTH);
        Map<UserAttribute, String> attributes = new EnumMap<>(UserAttribute.class);
        ATTRIBUTE_COLUMNS.forEach((column, attribute) -> {
            SnapshotFormat.requireFits(row, column, attribute);
            attributes.put(attribute, row.get(column));
        });
        attributes.put(UserAttribute.USAGE_LOCATION, usageLocation(row));
        Set<String> licenses = licenseNames.skuPartNumbers(row, LICENSES, customer.tenantId(),
                licenseNames.of(customer.tenantId()).splitAdminCenterLicenses(row.get(LICENSES)));
        return new DirectoryUser(customer.tenantId(), row.get(USER_PRINCIPAL_NAME), attributes, !blocked(row),
                licenses, Set.of(), Map.of());
    }

    /** A two-letter code, or the country's English name as the admin center shows it; "" when none is set. */
    private static String usageLocation(SourceRow row) {
        String written = row.get(USAGE_LOCATION);
        String code = written.length() == 2 ? written.toUpperCase(Locale.ROOT)
                : COUNTRY_BY_ENGLISH_NAME.getOrDefault(Names.key(written.replaceAll("\\s+", " ")), "");
        if (written.isEmpty() || CountryCodes.isCountryCode(code)) {
            return code;
        }
        throw SnapshotFormat.problem(row, USAGE_LOCATION, "'" + written + "' is neither an ISO 3166-1 alpha-2"
                + " country code nor a country's English name (such as US or United States)");
    }

    private static boolean blocked(SourceRow row) {
        String written = row.get(BLOCK_CREDENTIAL);
        if (written.isEmpty() || written.equalsIgnoreCase("false")) {
            return false;
        }
        if (written.equalsIgnoreCase("true")) {
            return true;
        }
        throw SnapshotFormat.problem(row, BLOCK_CREDENTIAL, "'" + written + "' is not True or False");
    }

    /** The customer a file name names, as {@code --customer} finds one: a unique tenant id, domain or exact name. */
    private static Optional<Customer> customerNamed(String reference, Collection<Customer> customers) {
        String key = Names.key(reference);
        List<Function<Customer, String>> fields = List.of(Customer::tenantId, Customer::domain, Customer::name);
        for (Function<Customer, String> field : fields) {
            List<Customer> found = customers.stream().filter(c -> Names.key(field.apply(c)).equals(key)).toList();
            if (found.size() == 1) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    /** The folder's entries by name, hidden ones (.DS_Store and the like) left out. */
    private static List<Path> listFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(entry -> !entry.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(entry -> entry.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, UserAttribute> attributeColumns() {
        Map<String, UserAttribute> columns = new LinkedHashMap<>();
        columns.put(DISPLAY_NAME, UserAttribute.DISPLAY_NAME);
        columns.put(FIRST_NAME, UserAttribute.GIVEN_NAME);
        columns.put(LAST_NAME, UserAttribute.SURNAME);
        columns.put(TITLE, UserAttribute.JOB_TITLE);
        columns.put(DEPARTMENT, UserAttribute.DEPARTMENT);
        return columns;
    }

    private static Map<String, String> countriesByEnglishName() {
        Map<String, String> codes = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            codes.putIfAbsent(Names.key(new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH)),
                    code);
        }
        return Map.copyOf(codes);
    }
}
