package com.partnerops.reconcile.bench;

import com.partnerops.reconcile.testsupport.graph.EmulatedTenant;
import com.partnerops.reconcile.testsupport.graph.GraphEmulator;
import com.partnerops.reconcile.testsupport.graph.TestTls;
import com.partnerops.reconcile.testsupport.graph.WriteLimits;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bench/live-apply}: {@code apply} of C customers' planned changes (each user gets a department and a
 * license: one PATCH and one assignLicense) in a JVM of its own against the emulator, every answer delayed by a
 * fixed latency and Microsoft's documented write limits enforced, their windows shortened by a time scale so the
 * run fits in minutes. The state is read live and planned first, without latency or limits; only apply is timed.
 *
 * <p>The least time apply can take comes from two floors. The limits': a window's worth of writes can go at once,
 * the next only when the first have left the window, so N writes under a limit of L per window W cannot end before
 * {@code floor((N - 1) / L) * W}, for the app across tenants and for the busiest tenant. The latency's: every
 * request costs L ms, spread over the concurrent writers, token exchanges one after another. The writes of the last
 * window start at the limits' floor at the earliest and then need their share of the latency's floor, so the least
 * time is {@code limits floor + latency floor * last window's writes / N}, or the latency's floor when that is
 * longer. Printed: wall time (startup apart), that least time, their ratio (target at most 1.2) and the 429s the
 * job received.
 */
public final class LiveApplyBench {

    private static final String SPB = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final String YAMMER = "7547a3fe-08ee-4ccb-b430-5077c5041653";
    private static final String USER_ADMIN = "fe930be7-5e62-47db-91af-98c3a49a38b1";
    private static final String LICENSE_ADMIN = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";
    private static final int APP_WRITES = 35_000;
    private static final Duration APP_WINDOW = Duration.ofMinutes(5);
    private static final int APP_TENANT_WRITES = 3_000;
    private static final Duration APP_TENANT_WINDOW = Duration.ofSeconds(150);

    private LiveApplyBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--customers", "1000", "--changes", "100000",
                "--latency-ms", "20", "--concurrency", "8", "--time-scale", "5", "--work", "target/bench-live-apply"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int customers = Integer.parseInt(options.get("--customers"));
        int usersPerCustomer = Math.max(1, Integer.parseInt(options.get("--changes")) / customers / 2);
        int latency = Integer.parseInt(options.get("--latency-ms"));
        int concurrency = Integer.parseInt(options.get("--concurrency"));
        double timeScale = Double.parseDouble(options.get("--time-scale"));
        Path run = Path.of(options.get("--work")).toAbsolutePath().resolve("run-" + System.currentTimeMillis());
        Files.createDirectories(run);
        Path desired = run.resolve("desired.csv");

        TestTls tls = TestTls.shared();
        List<EmulatedTenant> tenants = new ArrayList<>();
        List<ObjectNode> gdap = new ArrayList<>();
        generate(customers, usersPerCustomer, tenants, gdap, desired);
        try (GraphEmulator emulator = new GraphEmulator(tenants, gdap)) {
            emulator.pageSize = 999;
            Map<String, String> environment = environment(emulator, run, concurrency, timeScale);
            List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx1g", "-Xshare:off"));
            java.addAll(tls.trustStoreOptions());
            java.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.partnerops.reconcile.cli.Main"));
            List<String> store = List.of("--db", "jdbc:hsqldb:file:" + run.resolve("store/reconcile")
                    + ";shutdown=true;hsqldb.lock_file=true;hsqldb.default_table_type=cached;hsqldb.write_delay=false",
                    "--reports", run.resolve("reports").toString());
            step(java, environment, run, "import-state", List.of("import-state", "--from", "graph"), store);
            String planOutput = step(java, environment, run, "plan", List.of("plan", desired.toString()), store);
            String planId = planOutput.lines().filter(l -> l.startsWith("plan: ")).findFirst().orElseThrow()
                    .substring("plan: ".length()).strip();
            double startup = seconds(() -> step(java, environment, run, "startup", List.of("history"), List.of("--db",
                    "jdbc:hsqldb:file:" + run.resolve("startup-store/reconcile") + ";shutdown=true")));

            emulator.latencyMillis = latency;
            emulator.writeLimits = WriteLimits.timeScaled(timeScale);
            emulator.writeLog.clear();
            int requestsBefore = emulator.requests.get();
            int tokensBefore = emulator.tokenRequests.get();
            int throttledBefore = emulator.throttled.get();
            String[] applyOutput = new String[1];
            double wall = seconds(() -> applyOutput[0] = step(java, environment, run, "apply",
                    List.of("apply", planId), store));

            int writes = emulator.writeLog.succeeded().size();
            int tokens = emulator.tokenRequests.get() - tokensBefore;
            int requests = emulator.requests.get() - requestsBefore - tokens;
            int throttled = emulator.throttled.get() - throttledBefore;
            Map<String, Integer> perTenant = new LinkedHashMap<>();
            emulator.writeLog.succeeded().forEach(w -> perTenant.merge(w.tenant(), 1, Integer::sum));
            int busiest = perTenant.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            double limitsFloor = Math.max(floor(writes, APP_WRITES, APP_WINDOW, timeScale),
                    floor(busiest, APP_TENANT_WRITES, APP_TENANT_WINDOW, timeScale));
            double latencyFloor = latency / 1000.0 * (tokens + (double) requests / concurrency);
            // the writes of the last window cannot start before the limits' floor, and need their share of the
            // latency's floor after it
            int lastWindow = writes - (writes - 1) / APP_WRITES * APP_WRITES;
            double least = Math.max(limitsFloor + latencyFloor * lastWindow / Math.max(1, writes), latencyFloor);
            System.out.printf(Locale.ROOT, "live apply: %d customers, %d users, %d changes planned, latency %d ms,"
                    + " concurrency %d, write limits' windows / %.0f%n", customers, customers * usersPerCustomer,
                    customers * usersPerCustomer * 2, latency, concurrency, timeScale);
            System.out.printf(Locale.ROOT, "requests: %d writes made (as $batch items), %d other requests, %d token,"
                    + " %d answered 429%n", writes, requests, tokens, throttled);
            System.out.printf(Locale.ROOT, "floors: limits %.2f s, latency %.2f s; least: limits + the last window's"
                    + " share of latency %.2f s%n", limitsFloor, latencyFloor, least);
            System.out.printf(Locale.ROOT, "| wall s | startup s | wall - startup s | least s | ratio (wall - startup)"
                    + " / least | target | 429s |%n|---:|---:|---:|---:|---:|---|---:|%n"
                    + "| %.2f | %.2f | %.2f | %.2f | %.2f | <= 1.2 | %d |%n", wall, startup, wall - startup, least,
                    (wall - startup) / least, throttled);
            System.out.println("job output (" + run + "):");
            applyOutput[0].lines().filter(l -> !l.isBlank() && !l.contains(" INFO ")).limit(12)
                    .forEach(l -> System.out.println("    " + l));
        }
    }

    /** The least time for {@code writes} under a limit of {@code limit} per sliding window. */
    private static double floor(int writes, int limit, Duration window, double timeScale) {
        return writes <= 0 ? 0 : (writes - 1) / limit * (window.toMillis() / timeScale / 1000.0);
    }

    private static Map<String, String> environment(GraphEmulator emulator, Path run, int concurrency,
            double timeScale) {
        Map<String, String> environment = LiveReadBench.emulatorSettings(emulator, run);
        environment.put("RECONCILE_GRAPH_WRITECONCURRENCY", String.valueOf(concurrency));
        environment.put("RECONCILE_GRAPH_WRITELIMITS_PERAPPANDTENANTWINDOW", millis(APP_TENANT_WINDOW, timeScale));
        environment.put("RECONCILE_GRAPH_WRITELIMITS_PERTENANTWINDOW", millis(Duration.ofMinutes(5), timeScale));
        environment.put("RECONCILE_GRAPH_WRITELIMITS_PERAPPWINDOW", millis(APP_WINDOW, timeScale));
        return environment;
    }

    private static String millis(Duration window, double timeScale) {
        return (long) (window.toMillis() / timeScale) + "ms";
    }

    private static String step(List<String> java, Map<String, String> environment, Path run, String name,
            List<String> command, List<String> store) throws Exception {
        List<String> full = new ArrayList<>(java);
        full.addAll(command);
        full.addAll(store);
        Path out = run.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().putAll(environment);
        int exit = builder.start().waitFor();
        String output = Files.readString(out);
        if (exit != 0 && exit != 3) {
            throw new IllegalStateException(name + " exited " + exit + ":\n" + output);
        }
        return output;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double seconds(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Customers of {@code users} users each holding nothing; the desired file gives each a department and SPB. */
    private static void generate(int customers, int users, List<EmulatedTenant> tenants, List<ObjectNode> gdap,
            Path desired) throws Exception {
        try (BufferedWriter rows = Files.newBufferedWriter(desired, StandardCharsets.UTF_8)) {
            rows.write("customer,userPrincipalName,department,licenses\n");
            for (int c = 0; c < customers; c++) {
                String tenantId = String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", c);
                String domain = "customer" + c + ".onmicrosoft.com";
                EmulatedTenant t = new EmulatedTenant(tenantId, domain, "Customer " + c)
                        .role(USER_ADMIN, "User Administrator").role(LICENSE_ADMIN, "License Administrator")
                        .sku(SPB, "SPB", "User", users + 10, YAMMER, "YAMMER_ENTERPRISE")
                        .subscription("d-spb-" + c, "spb-" + c, SPB, "SPB", users + 10, "Enabled",
                                "2026-02-01T00:00:00Z", "2027-01-31T00:00:00Z")
                        .partnerCenterSubscription("spb-" + c, "CFQ7TTC0LCHC:0002", "Microsoft 365 Business Premium",
                                users + 10, "active", true, true, "2026-02-01T00:00:00Z", "2027-01-31T00:00:00Z");
                for (int u = 0; u < users; u++) {
                    String upn = "user" + u + "@customer" + c + ".com";
                    t.user("u-" + c + "-" + u, upn, "User " + u, "User", "N" + u, "US", "Staff", "Dept " + (u % 7),
                            true);
                    rows.write(domain + "," + upn + ",Finance,SPB\n");
                }
                tenants.add(t);
                ObjectNode r = JsonNodeFactory.instance.objectNode().put("id", "gdap-" + c).put("status", "active")
                        .put("endDateTime", "2028-01-01T00:00:00Z");
                r.putObject("customer").put("tenantId", tenantId);
                var roles = r.putObject("accessDetails").putArray("unifiedRoles");
                roles.addObject().put("roleDefinitionId", LICENSE_ADMIN);
                roles.addObject().put("roleDefinitionId", USER_ADMIN);
                gdap.add(r);
            }
        }
    }
}
