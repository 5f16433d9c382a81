import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a realistic current-state snapshot and desired-state files for the benchmark (plain JDK, one file).
 *
 * <pre>java bench/Generate.java [--customers C] [--users U] [--seed S] [--out DIR] [--max-rows-per-file N]
 *     [--changes-only]</pre>
 *
 * <p>By default the desired files hold the whole desired state, as an admin's spreadsheet of a tenant does: every
 * user has a row, about 10% of them with a change. {@code --changes-only} writes just the rows with a change.
 *
 * Output: DIR/state/{customers,subscriptions,gdap,users}.csv and DIR/desired/desired-{attributes,licenses,roles}-N.csv
 * plus DIR/manifest.properties with the counts (bench/run reads it).
 *
 * <p>Memory stays flat in U: users are written as they are made. A customer is generated twice from the same seeded
 * random stream: the first pass only counts seats per SKU (subscription quantities must sit just above the assigned
 * counts, and subscriptions.csv is written before the users), the second pass writes the users and their desired rows.
 *
 * <p>Desired rows are split by change type because a present-but-empty roles/licenses cell means "remove all":
 * attribute-only rows go to a file without those columns. Every user appears in at most one row across all files,
 * since the files are read as one and a user in two rows with different wishes is rejected as DUPLICATE_USER.
 * The generator keeps its own seat ledger per customer (removals free seats before any addition takes one, as the
 * planner does), so the only rejections are the deliberate ones plus the rows of customers whose only GDAP
 * relationship has expired.
 */
public class Generate {

    /** Dates are fixed relative to this day (not today) so that a seed always gives the same files. */
    static final LocalDate ANCHOR = LocalDate.of(2026, 11, 24);

    static final String[] GIVEN = {"Adele", "Alex", "Diego", "Grady", "Isaiah", "Johanna", "Lee", "Lynne", "Megan",
            "Nestor", "Pradeep", "Ana", "Ben", "Carla", "Dmitri", "Élodie", "François", "Hélène", "Mathis", "Chloé",
            "Yanis", "Inès", "Lucas", "Jürgen", "Zoë", "Søren", "José", "Łukasz", "Emma", "Olivia", "Noah", "Liam",
            "Sophia", "Mia", "Lena", "Jonas", "Luca", "Giulia", "Marco", "Sofia", "Hugo", "Léa", "Camille", "Priya",
            "Arjun", "Wei", "Yuki", "Hiroshi", "Fatima", "Omar", "Aisha", "Kwame", "Sean", "Siobhán", "Niamh",
            "Pieter", "Anouk", "Lars", "Ingrid", "Mateo", "Valentina", "Björn", "Agnieszka", "Tomás", "Renée"};
    static final String[] SURNAMES = {"Vance", "Wilber", "Siciliani", "Archie", "Langer", "Lorenz", "Gu", "Robbins",
            "Bowen", "Wilke", "Gupta", "Silva", "Walters", "Rossi", "Ivanov", "Lefèvre", "Dupré", "Garnier", "Roux",
            "Bernard", "Moreau", "Petit", "Girard", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Martin",
            "Dubois", "García", "Fernández", "López", "Martínez", "Bianchi", "Romano", "Colombo", "Smith", "Johnson",
            "Williams", "Brown", "Jones", "O'Brien", "Murphy", "Kelly", "de Vries", "Jansen", "van Dijk", "Nielsen",
            "Hansen", "Johansson", "Kowalski", "Nowak", "Sato", "Suzuki", "Tanaka", "Chen", "Wang", "Li", "Patel",
            "Sharma", "Khan", "Okafor", "Mensah", "Costa", "Ferreira", "Novák", "Horváth", "Yılmaz", "Papadopoulos"};
    static final String[] TITLES = {"Sales Rep", "Account Manager", "Marketing Manager", "Marketing Assistant",
            "HR Manager", "HR Generalist", "Accountant", "Controller", "Senior Engineer", "Software Engineer",
            "IT Administrator", "Help Desk Technician", "Project Manager", "Product Owner", "Designer", "Director",
            "Operations Manager", "Planner", "Legal Counsel", "Contract Manager", "Retail Manager", "Store Associate",
            "Warehouse Operative", "Nurse", "Teacher", "Office Manager", "Receptionist", "Consultant",
            "Chief Financial Officer", "Data Analyst", "Customer Success Manager", "Technician"};
    static final String[] DEPARTMENTS = {"Sales", "Marketing", "HR", "Finance", "Finance & Accounting", "Engineering",
            "Engineering, Europe", "IT", "Operations", "Legal", "R&D", "Retail", "Manufacturing", "Logistics", "PMO",
            "Customer Service", "Executive", "Facilities"};
    static final String[] COMPANY = {"Contoso", "Fabrikam", "Northwind", "Adatum", "Tailspin", "Wingtip", "Litware",
            "Proseware", "Alpine Ski", "Coho Vineyard", "Fourth Coffee", "Lucerne", "Margie's", "Trey", "Woodgrove",
            "Blue Yonder", "Humongous", "Relecloud", "VanArsdel", "Bellows", "Lamna", "Munson's", "Nod", "Southridge",
            "Wide World", "Datum", "Consolidated", "Graphic Design", "Lakeshore", "Boulangerie Étoile"};
    static final String[] KIND = {"Ltd", "Inc", "GmbH", "SARL", "BV", "Group", "Consulting", "Partners", "& Co",
            "Logistics", "Health", "Architects", "Legal", "Dental", "Motors", "Insurance", "Foods", "Energy"};
    static final String[] CITY = {"", "", "", "Lyon", "Berlin", "Leeds", "Austin", "Utrecht", "Porto", "Milano",
            "Québec", "Zürich", "Kraków", "Sevilla", "Denver", "Nantes", "Gent", "Malmö"};
    static final String[] COUNTRY = {"US", "US", "US", "US", "US", "GB", "GB", "DE", "DE", "FR", "FR", "NL", "ES",
            "IT", "CA", "AU", "IN", "BE", "CH", "SE", "PL", "PT", "IE", "AT", "DK"};
    static final String[] USER_ROLES = {"Helpdesk Administrator", "User Administrator", "Exchange Administrator",
            "Global Reader", "Teams Administrator", "SharePoint Administrator", "Billing Administrator",
            "Security Reader"};

    record Sku(String part, String product) {
    }

    static final Sku SPB = new Sku("SPB", "Microsoft 365 Business Premium");
    static final Sku BASIC = new Sku("O365_BUSINESS_ESSENTIALS", "Microsoft 365 Business Basic");
    static final Sku STANDARD = new Sku("O365_BUSINESS_PREMIUM", "Microsoft 365 Business Standard");
    static final Sku APPS = new Sku("O365_BUSINESS", "Microsoft 365 Apps for Business");
    static final Sku EXO1 = new Sku("EXCHANGESTANDARD", "Exchange Online (Plan 1)");
    static final Sku E3O = new Sku("ENTERPRISEPACK", "Office 365 E3");
    static final Sku E3 = new Sku("SPE_E3", "Microsoft 365 E3");
    static final Sku E5 = new Sku("SPE_E5", "Microsoft 365 E5");
    static final Sku F3 = new Sku("SPE_F1", "Microsoft 365 F3");
    static final Sku A1 = new Sku("STANDARDWOFFPACK_FACULTY", "Office 365 A1 for faculty");
    static final Sku A3 = new Sku("M365EDU_A3_FACULTY", "Microsoft 365 A3 for Faculty");
    static final Sku PBI = new Sku("POWER_BI_PRO", "Power BI Pro");
    static final Sku VISIO = new Sku("VISIOCLIENT", "Visio Plan 2");
    static final Sku PROJECT = new Sku("PROJECTPROFESSIONAL", "Planner and Project Plan 3");
    static final Sku EMS = new Sku("EMS", "Enterprise Mobility + Security E3");
    static final Sku STORAGE = new Sku("SHAREPOINTSTORAGE", "Office 365 Extra File Storage");
    static final Sku ATP = new Sku("ATP_ENTERPRISE", "Microsoft Defender for Office 365 (Plan 1)");
    static final Sku ATP_FACULTY = new Sku("ATP_ENTERPRISE_FACULTY",
            "Microsoft Defender for Office 365 (Plan 1) Faculty");
    static final Sku SQL = new Sku("SQL_SVR_STD_2022", "SQL Server 2022 Standard - 2 Core License Pack");
    static final Sku WINSVR = new Sku("WIN_SVR_STD_2022", "Windows Server 2022 Standard - 16 Core License Pack");
    static final Sku[] SAAS = {new Sku("ACROBAT_PRO_TEAMS", "Adobe Acrobat Pro for teams (marketplace SaaS)"),
            new Sku("DOCUSIGN_BUSINESS_PRO", "DocuSign eSignature Business Pro (marketplace SaaS)"),
            new Sku("ZOOM_WORKPLACE_PRO", "Zoom Workplace Pro (marketplace SaaS)")};
    /** In Microsoft's catalog but bought by (almost) nobody here: asking for one is UNKNOWN_SKU. */
    static final String[] NOT_BOUGHT = {"Microsoft_365_Copilot", "SPE_E5", "VISIOCLIENT", "PROJECTPROFESSIONAL"};
    static final String[] TYPOS = {"SPB_PREMIUM", "O365_BUSINESS_ESSENTIAL", "ENTERPRISE_PACK", "POWERBI_PRO"};

    // ---- arguments and totals ----
    int customers = 10_000;
    long users = 1_000_000;
    long seed = 42;
    Path out = Path.of("target/bench/data");
    int maxRowsPerFile = 250_000;
    /** Every user in the desired files (the whole desired state), not just those with a change. */
    boolean wholeState = true;

    final Map<String, Long> counts = new TreeMap<>();

    void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    public static void main(String[] args) throws IOException {
        Generate g = new Generate();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--customers" -> { g.customers = Integer.parseInt(value); i++; }
                case "--users" -> { g.users = Long.parseLong(value); i++; }
                case "--seed" -> { g.seed = Long.parseLong(value); i++; }
                case "--out" -> { g.out = Path.of(value); i++; }
                case "--max-rows-per-file" -> { g.maxRowsPerFile = Integer.parseInt(value); i++; }
                case "--changes-only" -> g.wholeState = false;
                default -> {
                    System.err.println("usage: java bench/Generate.java [--customers C] [--users U] [--seed S]"
                            + " [--out DIR] [--max-rows-per-file N] [--changes-only]");
                    System.exit(2);
                }
            }
        }
        if (g.customers < 1 || g.users < g.customers) {
            System.err.println("need 1 <= customers <= users (every customer has at least one user)");
            System.exit(2);
        }
        long started = System.nanoTime();
        g.run();
        System.out.printf("generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    // ---- per-customer model ----

    /** What a customer bought and how its users are licensed; drawn once per customer. */
    static final class Profile {
        String tenantId, domain, name, upnDomain, country, secondCountry;
        int size;
        boolean gdapActive;
        List<Sku> bases = new ArrayList<>();
        double[] baseWeights;
        List<Sku> extras = new ArrayList<>();
        Sku saas;
        List<Sku> addons = new ArrayList<>();
        List<Sku> software = new ArrayList<>();
        double extraRate, saasRate;
        /** seats usable minus assigned, per SKU with seats (LICENSE and SAAS); the generator's seat ledger */
        Map<String, Integer> available = new LinkedHashMap<>();
        Set<String> bought = new HashSet<>();
    }

    /** One user as written to users.csv. */
    record User(String upn, String displayName, String given, String surname, String location, String title,
            String department, List<String> licenses, List<String> roles) {
    }

    void run() throws IOException {
        Path state = out.resolve("state");
        Path desired = out.resolve("desired");
        Files.createDirectories(state);
        Files.createDirectories(desired);
        try (Stream<Path> old = Files.list(desired)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.delete(p);
            }
        }
        int[] sizes = sizes();
        SplittableRandom names = new SplittableRandom(mix(seed, -1, 0));
        Set<String> usedNames = new HashSet<>();
        Set<String> usedDomains = new HashSet<>();
        try (BufferedWriter cust = writer(state.resolve("customers.csv"));
             BufferedWriter subs = writer(state.resolve("subscriptions.csv"));
             BufferedWriter gdap = writer(state.resolve("gdap.csv"));
             BufferedWriter usersOut = writer(state.resolve("users.csv"));
             RotatingWriter attrs = new RotatingWriter(desired, "attributes",
                     "customer,userPrincipalName,jobTitle,department,usageLocation");
             RotatingWriter lics = new RotatingWriter(desired, "licenses",
                     "customer,userPrincipalName,jobTitle,department,usageLocation,licenses");
             RotatingWriter roles = new RotatingWriter(desired, "roles", "customer,userPrincipalName,roles")) {
            cust.write("tenantId,domain,name\n");
            subs.write("tenantId,subscriptionId,skuPartNumber,productName,kind,program,quantity,status,"
                    + "commitmentStart,termEnd,assignedDisplay\n");
            gdap.write("tenantId,relationshipId,status,endDateTime,roles\n");
            usersOut.write("tenantId,userPrincipalName,displayName,givenName,surname,usageLocation,jobTitle,"
                    + "department,accountEnabled,licenses,roles\n");
            for (int c = 0; c < customers; c++) {
                Profile p = profile(c, sizes[c], names, usedNames, usedDomains);
                // pass 1: seats per SKU, so quantities can sit just above what is assigned
                Map<String, Integer> assigned = new LinkedHashMap<>();
                forEachUser(p, c, u -> u.licenses().forEach(l -> assigned.merge(l, 1, Integer::sum)));
                writeCustomer(p, c, assigned, cust, subs, gdap);
                // pass 2: the same users again (same stream), now written, with their desired rows
                SplittableRandom want = new SplittableRandom(mix(seed, c, 3));
                List<User> reservoir = new ArrayList<>();
                int[] overSeat = {0};
                forEachUser(p, c, u -> {
                    writeUser(usersOut, p, u);
                    if (desiredRow(p, u, want, attrs, lics, roles, overSeat)) {
                        return;
                    }
                    if (!u.location().isEmpty() && reservoir.size() < 32) {
                        reservoir.add(u); // may get an over-seat row below, so no other row yet
                    } else if (wholeState) {
                        // the desired state restates this user as they are: planned, found unchanged
                        attrs.row("row unchanged", p.domain, u.upn(), u.title(), u.department(), "");
                    }
                });
                for (int i = 0; i < overSeat[0]; i++) {
                    overSeatRow(p, want, reservoir, lics);
                }
                if (wholeState) {
                    for (User u : reservoir) {
                        attrs.row("row unchanged", p.domain, u.upn(), u.title(), u.department(), "");
                    }
                }
            }
            System.out.println("wrote " + state + ": " + customers + " customers, " + users + " users, "
                    + counts.getOrDefault("subscriptions", 0L) + " subscriptions, "
                    + counts.getOrDefault("gdap", 0L) + " GDAP relationships");
            System.out.println("wrote " + desired + ": " + attrs.describe() + "; " + lics.describe() + "; "
                    + roles.describe());
        }
        long rows = counts.entrySet().stream().filter(e -> e.getKey().startsWith("row ")).mapToLong(Map.Entry::getValue)
                .sum();
        long deliberate = counts.entrySet().stream().filter(e -> e.getKey().startsWith("row reject "))
                .mapToLong(Map.Entry::getValue).sum();
        counts.put("desired rows", rows);
        counts.put("desired rows deliberately rejected", deliberate);
        StringBuilder manifest = new StringBuilder();
        manifest.append("customers=").append(customers).append('\n').append("users=").append(users).append('\n')
                .append("seed=").append(seed).append('\n').append("desiredRows=").append(rows).append('\n');
        counts.forEach((k, v) -> manifest.append("count.").append(k.replace(' ', '_')).append('=').append(v)
                .append('\n'));
        Files.writeString(out.resolve("manifest.properties"), manifest.toString(), StandardCharsets.UTF_8);
        System.out.println("counts:");
        counts.forEach((k, v) -> System.out.printf("  %-44s %,d%n", k, v));
        System.out.printf("expected rejected rows: about %,d deliberate + %,d in customers whose only GDAP"
                + " relationship expired (GDAP_INACTIVE)%n", deliberate,
                counts.getOrDefault("rows in expired-GDAP customers", 0L));
    }

    /** Customer sizes: log-normal weights (a few big tenants, many small ones), each >= 1, summing to exactly U. */
    int[] sizes() {
        SplittableRandom r = new SplittableRandom(mix(seed, -2, 0));
        double[] w = new double[customers];
        double sum = 0;
        for (int i = 0; i < customers; i++) {
            w[i] = Math.exp(1.7 * gaussian(r));
            sum += w[i];
        }
        long spare = users - customers;
        int[] sizes = new int[customers];
        long given = 0;
        for (int i = 0; i < customers; i++) {
            long extra = (long) Math.floor(spare * w[i] / sum);
            sizes[i] = (int) (1 + extra);
            given += sizes[i];
        }
        // the rounding remainder goes to random customers, one user each
        for (long left = users - given; left > 0; left--) {
            sizes[r.nextInt(customers)]++;
        }
        int[] sorted = sizes.clone();
        Arrays.sort(sorted);
        System.out.printf("customer sizes: min %d, median %d, p90 %d, p99 %d, max %d users%n", sorted[0],
                sorted[customers / 2], sorted[(int) (customers * 0.9)], sorted[(int) (customers * 0.99)],
                sorted[customers - 1]);
        return sizes;
    }

    Profile profile(int c, int size, SplittableRandom names, Set<String> usedNames, Set<String> usedDomains) {
        SplittableRandom r = new SplittableRandom(mix(seed, c, 1));
        Profile p = new Profile();
        p.size = size;
        UUID id = new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        p.tenantId = id.toString();
        String base;
        do {
            String city = pick(names, CITY);
            base = pick(names, COMPANY) + " " + pick(names, KIND) + (city.isEmpty() ? "" : " " + city);
            if (usedNames.contains(base)) {
                base = base + " " + (2 + names.nextInt(98));
            }
        } while (!usedNames.add(base));
        p.name = base;
        String slug = slug(base);
        if (slug.length() > 24) {
            slug = slug.substring(0, 24);
        }
        String domainSlug = slug;
        for (int n = 2; !usedDomains.add(domainSlug); n++) {
            domainSlug = slug + n;
        }
        p.domain = domainSlug + ".onmicrosoft.com";
        p.country = pick(r, COUNTRY);
        p.secondCountry = size > 200 ? pick(r, COUNTRY) : p.country;
        String tld = switch (p.country) {
            case "US" -> ".com";
            case "GB" -> ".co.uk";
            default -> r.nextInt(3) == 0 ? ".com" : "." + p.country.toLowerCase(Locale.ROOT);
        };
        p.upnDomain = domainSlug + tld;
        p.gdapActive = r.nextDouble() >= 0.03;

        boolean edu = r.nextDouble() < 0.05;
        if (edu) {
            p.bases.add(A1);
            p.bases.add(A3);
            p.baseWeights = new double[]{0.75, 0.25};
            if (r.nextBoolean()) {
                p.addons.add(ATP_FACULTY);
            }
            p.addons.add(STORAGE);
        } else if (size <= 300) {
            List<Sku> pool = new ArrayList<>(List.of(SPB, BASIC, STANDARD, APPS));
            shuffle(r, pool);
            int n = 1 + r.nextInt(3);
            p.bases.addAll(pool.subList(0, n));
            p.baseWeights = n == 1 ? new double[]{1} : n == 2 ? new double[]{0.75, 0.25} : new double[]{0.65, 0.25, 0.1};
            List<Sku> extras = new ArrayList<>(List.of(EXO1, PBI, VISIO, PROJECT));
            shuffle(r, extras);
            p.extras.addAll(extras.subList(0, r.nextInt(3)));
        } else {
            List<Sku> pool = new ArrayList<>(List.of(E3O, E3, E5, F3));
            shuffle(r, pool);
            int n = 2 + r.nextInt(2);
            p.bases.addAll(pool.subList(0, n));
            p.baseWeights = n == 2 ? new double[]{0.7, 0.3} : new double[]{0.6, 0.3, 0.1};
            List<Sku> extras = new ArrayList<>(List.of(PBI, VISIO, PROJECT, EMS, EXO1));
            shuffle(r, extras);
            p.extras.addAll(extras.subList(0, 1 + r.nextInt(3)));
        }
        p.extraRate = 0.1 + 0.2 * r.nextDouble();
        if (!edu && r.nextDouble() < 0.3) {
            p.addons.add(STORAGE);
        }
        if (!edu && r.nextDouble() < 0.15) {
            p.addons.add(ATP);
        }
        if (r.nextDouble() < 0.08) {
            p.software.add(SQL);
        }
        if (r.nextDouble() < 0.04) {
            p.software.add(WINSVR);
        }
        if (r.nextDouble() < 0.15) {
            p.saas = pick(r, SAAS);
            p.saasRate = 0.1 + 0.3 * r.nextDouble();
        }
        return p;
    }

    interface UserSink {
        void accept(User u) throws IOException;
    }

    /** The customer's users, from a stream seeded by customer: both passes see exactly the same users. */
    void forEachUser(Profile p, int c, UserSink sink) throws IOException {
        SplittableRandom r = new SplittableRandom(mix(seed, c, 2));
        Set<String> upns = new HashSet<>();
        String adminLocation = p.country;
        sink.accept(new User("admin@" + p.domain, p.name + " Admin", "", "", adminLocation, "", "IT", List.of(),
                List.of("Global Administrator")));
        for (int i = 1; i < p.size; i++) {
            String given = pick(r, GIVEN);
            String surname = pick(r, SURNAMES);
            String local = slug(given) + "." + slug(surname);
            String upn = local + "@" + p.upnDomain;
            for (int n = 2; !upns.add(upn); n++) {
                upn = local + n + "@" + p.upnDomain;
            }
            // users without a usage location cannot hold a license: guests of the directory, shared mailboxes
            String location = r.nextDouble() < 0.03 ? "" : r.nextDouble() < 0.8 ? p.country : p.secondCountry;
            List<String> licenses = new ArrayList<>(2);
            if (!location.isEmpty() && r.nextDouble() < 0.96) {
                licenses.add(p.bases.get(weighted(r, p.baseWeights)).part());
                if (!p.extras.isEmpty() && r.nextDouble() < p.extraRate) {
                    licenses.add(pick(r, p.extras).part());
                } else if (p.saas != null && r.nextDouble() < p.saasRate) {
                    licenses.add(p.saas.part());
                }
            }
            List<String> roles = r.nextDouble() < 0.015 ? List.of(pick(r, USER_ROLES)) : List.of();
            sink.accept(new User(upn, given + " " + surname, given, surname, location, pick(r, TITLES),
                    pick(r, DEPARTMENTS), licenses, roles));
        }
    }

    void writeCustomer(Profile p, int c, Map<String, Integer> assigned, Writer cust, Writer subs, Writer gdap)
            throws IOException {
        SplittableRandom r = new SplittableRandom(mix(seed, c, 4));
        cust.write(csv(p.tenantId, p.domain, p.name));
        cust.write('\n');
        count("customers");
        int[] subNo = {0};
        List<Sku> seated = new ArrayList<>(p.bases);
        seated.addAll(p.extras);
        if (p.saas != null) {
            seated.add(p.saas);
        }
        for (Sku sku : seated) {
            int held = assigned.getOrDefault(sku.part(), 0);
            boolean saas = sku == p.saas;
            // most subscriptions have a few spare seats; about one in six is exactly full
            int spare = r.nextDouble() < 0.17 ? 0 : 1 + r.nextInt(Math.max(2, held / 8 + 1));
            int quantity = held + spare;
            String status = r.nextDouble() < 0.03 ? "warning" : "active";
            boolean legacy = !saas && (sku == STANDARD || sku == E3O || sku == APPS) && r.nextDouble() < 0.35;
            if (!saas && quantity > 200 && r.nextDouble() < 0.25) {
                // seats bought in two steps: a legacy subscription still running beside the NCE one
                int first = quantity / 3;
                subscription(subs, p, sku, "LICENSE", "LEGACY", first, status, held / 3, r, subNo);
                subscription(subs, p, sku, "LICENSE", "NCE", quantity - first, "active", held - held / 3, r, subNo);
            } else {
                subscription(subs, p, sku, saas ? "SAAS" : "LICENSE", legacy ? "LEGACY" : "NCE", quantity, status,
                        held, r, subNo);
            }
            p.available.put(sku.part(), quantity - held);
            p.bought.add(sku.part());
        }
        if (r.nextDouble() < 0.1) {
            // an old subscription of a product no one uses any more, left suspended
            Sku old = pick(r, new Sku[]{STANDARD, APPS, EXO1, E3O});
            if (!p.bought.contains(old.part())) {
                subscription(subs, p, old, "LICENSE", "LEGACY", 1 + r.nextInt(20), "suspended", 0, r, subNo);
                p.bought.add(old.part());
                count("subscriptions suspended");
            }
        }
        for (Sku addon : p.addons) {
            int quantity = addon == STORAGE ? 10 * (1 + r.nextInt(100)) : 1 + r.nextInt(Math.max(1, p.size));
            subscription(subs, p, addon, "ADDON", "NCE", quantity, "active", -1, r, subNo);
            p.bought.add(addon.part());
        }
        for (Sku sw : p.software) {
            subscription(subs, p, sw, "SOFTWARE", "NCE", 1 + r.nextInt(8), "active", -1, r, subNo);
            p.bought.add(sw.part());
        }

        String slug = p.domain.substring(0, p.domain.indexOf('.'));
        if (p.gdapActive) {
            if (r.nextDouble() < 0.2) {
                // renewed: the first relationship expired, a new one took over
                gdap.write(csv(p.tenantId, slug + "-gdap-2024", "expired", "2026-0" + (1 + r.nextInt(9))
                        + "-15T00:00:00Z", "User Administrator;License Administrator"));
                gdap.write('\n');
                count("gdap");
            }
            LocalDate end = ANCHOR.plusDays(200 + r.nextInt(500));
            gdap.write(csv(p.tenantId, slug + "-gdap-ops", "active", end + "T00:00:00Z",
                    "License Administrator;User Administrator;Privileged Role Administrator"));
        } else {
            LocalDate end = ANCHOR.minusDays(10 + r.nextInt(300));
            gdap.write(csv(p.tenantId, slug + "-gdap-2024", r.nextBoolean() ? "expired" : "active",
                    end + "T00:00:00Z", "License Administrator;User Administrator;Privileged Role Administrator"));
            count("customers with only an expired GDAP relationship");
        }
        gdap.write('\n');
        count("gdap");
    }

    void subscription(Writer subs, Profile p, Sku sku, String kind, String program, int quantity, String status,
            int held, SplittableRandom r, int[] subNo) throws IOException {
        subNo[0]++;
        String id = new UUID(r.nextLong(), r.nextLong()).toString();
        LocalDate start = ANCHOR.minusDays(r.nextInt(360));
        if ("LEGACY".equals(program)) {
            start = start.minusYears(1);
        }
        String termEnd = "SOFTWARE".equals(kind) ? "" : start.plusYears(1).minusDays(1).toString();
        String display = switch (kind) {
            case "ADDON", "SOFTWARE" -> "";
            default -> "NCE".equals(program) && r.nextDouble() < 0.7 ? "Unavailable" : String.valueOf(Math.max(0, held));
        };
        subs.write(csv(p.tenantId, id, sku.part(), sku.product(), kind, program, String.valueOf(quantity), status,
                start.toString(), termEnd, display));
        subs.write('\n');
        count("subscriptions");
    }

    void writeUser(Writer w, Profile p, User u) throws IOException {
        w.write(csv(p.tenantId, u.upn(), u.displayName(), u.given(), u.surname(), u.location(), u.title(),
                u.department(), "true", String.join(";", u.licenses()), String.join(";", u.roles())));
        w.write('\n');
        count("users");
    }

    // ---- desired rows ----

    /** Writes at most one desired row for the user; false when the user got none. */
    boolean desiredRow(Profile p, User u, SplittableRandom r, RotatingWriter attrs, RotatingWriter lics,
            RotatingWriter roles, int[] overSeat) throws IOException {
        if (u.upn().startsWith("admin@") || r.nextDouble() >= 0.10) {
            return false;
        }
        String customer = customerRef(p, r);
        if (!p.gdapActive) {
            count("rows in expired-GDAP customers");
        }
        if (r.nextDouble() < 0.005) {
            switch (r.nextInt(5)) {
                case 0 -> {
                    // a leaver's or not-yet-created account
                    String ghost = u.upn().replace("@", ".old@");
                    lics.row("row reject UNKNOWN_USER", customer, ghost, "", "", "",
                            "+" + p.bases.get(0).part());
                }
                case 1 -> lics.row("row reject UNKNOWN_SKU", customer, u.upn(), "", "", "", "+" + unbought(p, r));
                case 2 -> {
                    if (!p.addons.isEmpty()) {
                        lics.row("row reject NOT_ASSIGNABLE_ADDON", customer, u.upn(), "", "", "",
                                "+" + pick(r, p.addons).part());
                    } else {
                        lics.row("row reject UNKNOWN_SKU", customer, u.upn(), "", "", "", "+" + unbought(p, r));
                    }
                }
                case 3 -> lics.row("row reject UNKNOWN_CUSTOMER", p.domain.replace(".onmicrosoft", "-old.onmicrosoft"),
                        u.upn(), "", "", "", "+" + p.bases.get(0).part());
                default -> {
                    // needs the customer's final seat counts: written after its last user
                    overSeat[0]++;
                    return false;
                }
            }
            return true;
        }
        double kind = r.nextDouble();
        if (kind < 0.40 && licenseRow(p, u, r, customer, lics)) {
            return true;
        }
        if (kind >= 0.85 && roleRow(u, r, customer, roles)) {
            return true;
        }
        String title = other(r, TITLES, u.title());
        String dept = r.nextDouble() < 0.4 ? other(r, DEPARTMENTS, u.department()) : "";
        String location = u.location().isEmpty() && r.nextBoolean() ? p.country : "";
        attrs.row("row attributes", customer, u.upn(), title, dept, location);
        return true;
    }

    /** A license change the customer's seats allow, or false when none fits this user. */
    boolean licenseRow(Profile p, User u, SplittableRandom r, String customer, RotatingWriter lics) throws IOException {
        List<String> options = new ArrayList<>();
        String heldBase = u.licenses().isEmpty() ? null : u.licenses().get(0);
        for (Sku b : p.bases) {
            if (heldBase != null && !b.part().equals(heldBase) && p.available.get(b.part()) > 0) {
                options.add("swap " + b.part());
            }
            if (heldBase == null && p.available.get(b.part()) > 0) {
                options.add("first " + b.part());
            }
        }
        for (Sku e : p.extras) {
            if (u.licenses().contains(e.part())) {
                options.add("drop " + e.part());
            } else if (heldBase != null && u.licenses().size() < 2 && p.available.get(e.part()) > 0) {
                options.add("add " + e.part());
            }
        }
        if (p.saas != null) {
            if (u.licenses().contains(p.saas.part())) {
                options.add("drop " + p.saas.part());
            } else if (heldBase != null && p.available.get(p.saas.part()) > 0) {
                options.add("add " + p.saas.part());
            }
        }
        if (options.isEmpty()) {
            return false;
        }
        String[] choice = options.get(r.nextInt(options.size())).split(" ");
        String sku = choice[1];
        String cell;
        String what;
        switch (choice[0]) {
            case "swap" -> {
                cell = "-" + heldBase + ";+" + sku;
                p.available.merge(heldBase, 1, Integer::sum);
                p.available.merge(sku, -1, Integer::sum);
                what = "row license swap";
            }
            case "first", "add" -> {
                cell = "+" + sku;
                p.available.merge(sku, -1, Integer::sum);
                what = sku.equals(p.saas == null ? null : p.saas.part()) ? "row saas seat add" : "row license add";
            }
            default -> {
                cell = "-" + sku;
                p.available.merge(sku, 1, Integer::sum);
                what = sku.equals(p.saas == null ? null : p.saas.part()) ? "row saas seat removal" : "row license removal";
            }
        }
        // a new license needs a usage location: set it in the same row, as an admin would
        String location = u.location().isEmpty() ? p.country : "";
        // promotions come with a new title
        String title = r.nextDouble() < 0.3 ? other(r, TITLES, u.title()) : "";
        lics.row(what, customer, u.upn(), title, "", location, cell);
        return true;
    }

    boolean roleRow(User u, SplittableRandom r, String customer, RotatingWriter roles) throws IOException {
        if (!u.roles().isEmpty() && r.nextBoolean()) {
            roles.row("row role removal", customer, u.upn(), "-" + u.roles().get(0));
        } else {
            roles.row("row role add", customer, u.upn(), "+" + other(r, USER_ROLES,
                    u.roles().isEmpty() ? "" : u.roles().get(0)));
        }
        return true;
    }

    /** One more assignment of a SKU with no seat left: INSUFFICIENT_SEATS. */
    void overSeatRow(Profile p, SplittableRandom r, List<User> reservoir, RotatingWriter lics) throws IOException {
        for (Map.Entry<String, Integer> seats : p.available.entrySet()) {
            if (seats.getValue() != 0) {
                continue;
            }
            for (User u : reservoir) {
                if (!u.licenses().contains(seats.getKey())) {
                    reservoir.remove(u);
                    lics.row("row reject INSUFFICIENT_SEATS", customerRef(p, r), u.upn(), "", "", "",
                            "+" + seats.getKey());
                    return;
                }
            }
        }
        if (!reservoir.isEmpty()) {
            // nothing is full here: ask for something this customer never bought instead
            User u = reservoir.remove(0);
            lics.row("row reject UNKNOWN_SKU", customerRef(p, r), u.upn(), "", "", "", "+" + unbought(p, r));
        }
    }

    String unbought(Profile p, SplittableRandom r) {
        if (r.nextInt(4) == 0) {
            return pick(r, TYPOS);
        }
        for (int i = 0; i < 8; i++) {
            String sku = pick(r, NOT_BOUGHT);
            if (!p.bought.contains(sku)) {
                return sku;
            }
        }
        return "Microsoft_365_Copilot";
    }

    /** Admins name the customer by domain mostly, sometimes by tenant id or by name. */
    static String customerRef(Profile p, SplittableRandom r) {
        double x = r.nextDouble();
        return x < 0.8 ? p.domain : x < 0.95 ? p.tenantId : p.name;
    }

    // ---- output ----

    /** Desired rows of one change type, in files of at most maxRowsPerFile rows each. */
    final class RotatingWriter implements AutoCloseable {
        final Path dir;
        final String type;
        final String header;
        BufferedWriter w;
        int fileNo;
        long rowsInFile;
        long rows;

        RotatingWriter(Path dir, String type, String header) {
            this.dir = dir;
            this.type = type;
            this.header = header;
        }

        void row(String what, String... cells) throws IOException {
            if (w == null || rowsInFile >= maxRowsPerFile) {
                close();
                fileNo++;
                w = writer(dir.resolve("desired-" + type + "-" + fileNo + ".csv"));
                w.write(header);
                w.write('\n');
                rowsInFile = 0;
            }
            w.write(csv(cells));
            w.write('\n');
            rowsInFile++;
            rows++;
            count(what);
        }

        String describe() {
            return String.format("%,d %s rows in %d file(s)", rows, type, fileNo);
        }

        @Override
        public void close() throws IOException {
            if (w != null) {
                w.close();
                w = null;
            }
        }
    }

    static BufferedWriter writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    static String csv(String... cells) {
        StringBuilder b = new StringBuilder(128);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String s = cells[i];
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
                b.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                b.append(s);
            }
        }
        return b.toString();
    }

    // ---- small helpers ----

    /** A distinct, reproducible stream per (customer, purpose). */
    static long mix(long seed, long a, long b) {
        long z = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    static <T> T pick(SplittableRandom r, T[] items) {
        return items[r.nextInt(items.length)];
    }

    static <T> T pick(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    static String other(SplittableRandom r, String[] items, String current) {
        String s;
        do {
            s = pick(r, items);
        } while (s.equals(current));
        return s;
    }

    static int weighted(SplittableRandom r, double[] weights) {
        double x = r.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static <T> void shuffle(SplittableRandom r, List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            T t = list.get(i);
            int j = r.nextInt(i + 1);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** ASCII letters and digits only, as UPNs and domain prefixes are written: "Lefèvre" -> "lefevre". */
    static String slug(String s) {
        String plain = Normalizer.normalize(s.replace("Ł", "L").replace("ł", "l").replace("ø", "o")
                .replace("Ø", "O").replace("ß", "ss").replace("ı", "i"), Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(plain.length());
        for (char ch : plain.toCharArray()) {
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                b.append(ch);
            } else if (ch >= 'A' && ch <= 'Z') {
                b.append((char) (ch + 32));
            }
        }
        return b.toString();
    }
}
