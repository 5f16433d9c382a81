package com.partnerops.reconcile.bench;

import com.partnerops.reconcile.testsupport.graph.EmulatedTenant;
import com.partnerops.reconcile.testsupport.graph.GraphEmulator;
import com.partnerops.reconcile.testsupport.graph.ReadLimits;
import com.partnerops.reconcile.testsupport.graph.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bench/live-read}: {@code import-state --from graph} in a JVM of its own against the emulator serving C
 * customers and U users, every answer delayed by a fixed latency and Microsoft's documented read limits enforced.
 * Prints the wall time beside the least time that latency and those limits allow at the configured concurrency;
 * the ratio is the figure (target at most 1.3).
 *
 * <p>The least time: the partner-level reads (customers, GDAP relationships, their two token exchanges) come
 * first, one after another; then every customer needs one token exchange, and exchanges take turns (one
 * refresh token, never sent twice), while its reads spread over the concurrent readers. So it is
 * {@code L * (partner requests + max(customer token exchanges, customer reads / concurrency))}, or the read limits'
 * own floor when that is longer.
 */
public final class LiveReadBench {

    private static final String SPB = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final String STORAGE = "99049c9c-6011-4908-bf17-15f496e6519d";
    private static final String YAMMER = "7547a3fe-08ee-4ccb-b430-5077c5041653";
    private static final String USER_ADMIN = "fe930be7-5e62-47db-91af-98c3a49a38b1";
    private static final String LICENSE_ADMIN = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";

    private LiveReadBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--customers", "1000", "--users", "100000",
                "--latency-ms", "50", "--concurrency", "8", "--work", "target/bench-live"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int customers = Integer.parseInt(options.get("--customers"));
        int users = Integer.parseInt(options.get("--users"));
        int latency = Integer.parseInt(options.get("--latency-ms"));
        int concurrency = Integer.parseInt(options.get("--concurrency"));
        Path work = Path.of(options.get("--work")).toAbsolutePath();
        Path run = work.resolve("run-" + System.currentTimeMillis());
        Files.createDirectories(run);

        TestTls tls = TestTls.shared();
        List<EmulatedTenant> tenants = new ArrayList<>();
        List<ObjectNode> gdap = new ArrayList<>();
        generate(customers, users, tenants, gdap);
        try (GraphEmulator emulator = new GraphEmulator(tenants, gdap)) {
            emulator.pageSize = 999; // Graph's own largest page; Partner Center's default of 500 applies below it
            emulator.latencyMillis = latency;
            emulator.limits = new ReadLimits();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx1g", "-Xshare:off"));
            command.addAll(tls.trustStoreOptions());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    "com.partnerops.reconcile.cli.Main", "import-state", "--from", "graph", "--db",
                    "jdbc:hsqldb:file:" + run.resolve("store/reconcile") + ";shutdown=true;hsqldb.lock_file=true;"
                            + "hsqldb.default_table_type=cached;hsqldb.write_delay=false",
                    "--reports", run.resolve("reports").toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(run.resolve("import-state.out").toFile());
            builder.environment().putAll(emulatorSettings(emulator, run));
            builder.environment().put("RECONCILE_GRAPH_CONCURRENCY", String.valueOf(concurrency));
            double startup = startup(command, run);
            long start = System.nanoTime();
            int exit = builder.start().waitFor();
            double wall = (System.nanoTime() - start) / 1e9;
            String output = Files.readString(run.resolve("import-state.out"));
            int tokens = emulator.tokenRequests.get();
            int partner = emulator.partnerRequests.get();
            int reads = emulator.requests.get() - tokens - partner - emulator.throttled.get();
            int partnerTokens = 2;
            double least = latency / 1000.0 * (partner + partnerTokens
                    + Math.max(tokens - partnerTokens, (double) reads / concurrency));
            System.out.printf(Locale.ROOT, "live read: %d customers, %d users, latency %d ms, concurrency %d%n",
                    customers, users, latency, concurrency);
            System.out.printf(Locale.ROOT, "requests: %d token, %d partner-level, %d customer reads, %d throttled%n",
                    tokens, partner, reads, emulator.throttled.get());
            System.out.printf(Locale.ROOT, "| wall s | startup s | wall - startup s | least s | ratio (wall - startup)"
                    + " / least | target | exit |%n|---:|---:|---:|---:|---:|---|---|%n"
                    + "| %.2f | %.2f | %.2f | %.2f | %.2f | <= 1.3 | %d |%n", wall, startup, wall - startup, least,
                    (wall - startup) / least, exit);
            System.out.println("job output (" + run + "):");
            output.lines().filter(l -> !l.isBlank()).limit(20).forEach(l -> System.out.println("    " + l));
        }
    }

    /**
     * The settings that point a job at the emulator, as environment variables (a scheduler's way; secrets among
     * them), with a fresh sign-in and the refresh token file in {@code run}.
     */
    static Map<String, String> emulatorSettings(GraphEmulator emulator, Path run) {
        return new HashMap<>(Map.of("RECONCILE_GRAPH_BASEURL", emulator.graphBaseUrl(),
                "RECONCILE_GRAPH_AUTHORITY", emulator.authority(),
                "RECONCILE_PARTNERCENTER_BASEURL", emulator.partnerCenterBaseUrl(),
                "RECONCILE_GRAPH_PARTNERTENANTID", GraphEmulator.PARTNER_TENANT,
                "RECONCILE_GRAPH_CLIENTID", GraphEmulator.CLIENT_ID,
                "RECONCILE_GRAPH_CLIENTSECRET", GraphEmulator.CLIENT_SECRET,
                "RECONCILE_GRAPH_REFRESHTOKEN", emulator.signIn(),
                "RECONCILE_GRAPH_REFRESHTOKENFILE", run.resolve("graph-refresh-token").toString()));
    }

    /**
     * The same JVM options and a fresh store, running a command that reads nothing live ({@code history}): the
     * time every command spends starting the JVM and Spring and creating the store, which no read limit explains.
     */
    private static double startup(List<String> importCommand, Path run) throws Exception {
        List<String> command = new ArrayList<>(importCommand.subList(0, importCommand.indexOf("import-state")));
        command.addAll(List.of("history", "--db", "jdbc:hsqldb:file:" + run.resolve("startup-store/reconcile")
                + ";shutdown=true;hsqldb.lock_file=true;hsqldb.default_table_type=cached;hsqldb.write_delay=false"));
        long start = System.nanoTime();
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(run.resolve("startup.out").toFile())
                .start().waitFor();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Customers of U / C users each: two SKUs, two subscriptions, a GDAP relationship, a few admins. */
    private static void generate(int customers, int users, List<EmulatedTenant> tenants, List<ObjectNode> gdap) {
        Random random = new Random(42);
        int perCustomer = Math.max(1, users / customers);
        for (int c = 0; c < customers; c++) {
            String tenantId = String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", c);
            EmulatedTenant t = new EmulatedTenant(tenantId, "customer" + c + ".onmicrosoft.com", "Customer " + c)
                    .role(USER_ADMIN, "User Administrator").role(LICENSE_ADMIN, "License Administrator")
                    .sku(SPB, "SPB", "User", perCustomer + 10, YAMMER, "YAMMER_ENTERPRISE")
                    .sku(STORAGE, "SHAREPOINTSTORAGE", "Company", 10)
                    .subscription("d-spb-" + c, "spb-" + c, SPB, "SPB", perCustomer + 10, "Enabled",
                            "2026-02-01T00:00:00Z", "2027-01-31T00:00:00Z")
                    .subscription("d-sps-" + c, "sps-" + c, STORAGE, "SHAREPOINTSTORAGE", 10, "Enabled",
                            "2026-02-01T00:00:00Z", "2027-01-31T00:00:00Z")
                    .partnerCenterSubscription("spb-" + c, "CFQ7TTC0LCHC:0002", "Microsoft 365 Business Premium",
                            perCustomer + 10, "active", true, true, "2026-02-01T00:00:00Z", "2027-01-31T00:00:00Z")
                    .partnerCenterSubscription("sps-" + c, "SPS", "Office 365 Extra File Storage", 10, "active",
                            false, true, "2026-02-01T00:00:00Z", "2027-01-31T00:00:00Z")
                    .group("grp-" + c, "Licensed staff");
            for (int u = 0; u < perCustomer; u++) {
                EmulatedTenant.User user = t.user("u-" + c + "-" + u, "user" + u + "@customer" + c + ".com",
                        "User " + u, "User", "N" + u, "US", "Staff", "Dept " + (u % 7), true);
                if (u % 10 == 0) {
                    user.groupLicense(SPB, "grp-" + c);
                } else if (random.nextInt(4) == 0) {
                    user.license(SPB, YAMMER);
                } else {
                    user.license(SPB);
                }
                if (u < 2) {
                    user.role(USER_ADMIN);
                }
            }
            tenants.add(t);
            ObjectNode r = JsonNodeFactory.instance.objectNode().put("id", "gdap-" + c).put("status", "active")
                    .put("endDateTime", "2028-01-01T00:00:00Z");
            r.putObject("customer").put("tenantId", tenantId);
            r.putObject("accessDetails").putArray("unifiedRoles").addObject().put("roleDefinitionId", LICENSE_ADMIN);
            gdap.add(r);
        }
    }

}
