package com.partnerops.reconcile.testsupport.graph;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Microsoft's token endpoint, Graph and Partner Center on loopback over TLS, stateful and strict, for the live
 * read's tests. Small pages with {@code @odata.nextLink} and {@code links.next} + {@code MS-ContinuationToken},
 * $select honoured (and unknown properties refused), 429 with Retry-After every Nth request to a tenant, 503s,
 * 403 for a tenant the service user's roles do not cover, all with Graph's error wording. Writes (PATCH user,
 * assignLicense, role assignments) change the tenants' state and are logged ({@link #writeLog}); {@code $batch}
 * answers item by item, each item throttled like a request of its own.
 */
public final class GraphEmulator implements AutoCloseable {

    public static final String PARTNER_TENANT = "a1b2c3d4-0000-4000-8000-00000000a001";
    public static final String CLIENT_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    public static final String CLIENT_SECRET = "Qx8~emulator-client-secret-7Jk2";

    static {
        // Answers go out as headers and body in two writes; with Nagle's algorithm on, each waited for the client's
        // delayed ACK (about 40 ms), which a benchmark would measure as the job's own time.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final Map<String, EmulatedTenant> tenants = new LinkedHashMap<>();
    final List<ObjectNode> relationships = new ArrayList<>();
    final TokenService tokens;
    private final HttpsServer server;
    final GraphRoutes graph;
    final PartnerCenterRoutes partnerCenter;

    /** Faults, set by a test before the run. */
    public volatile int pageSize = 2;
    public volatile int throttleEvery;
    public volatile int retryAfterSeconds = 1;
    public final Set<String> forbidden = ConcurrentHashMap.newKeySet();
    public final Map<String, AtomicInteger> unavailable = new ConcurrentHashMap<>();
    /** Added to every answer, token endpoint included: the network and the service as a benchmark assumes them. */
    public volatile int latencyMillis;
    /** Set to enforce Microsoft's documented read limits ({@link ReadLimits}). */
    public volatile ReadLimits limits;
    /** Set to enforce Microsoft's documented write limits ({@link WriteLimits}). */
    public volatile WriteLimits writeLimits;
    /** Every write received, with its answer. */
    public final WriteLog writeLog = new WriteLog();
    /**
     * Called with the number of writes that took effect so far, after each one took effect and before its answer
     * is sent: where a test kills the job, so the tenant has made a change the job never hears of.
     */
    public volatile java.util.function.IntConsumer afterWrite = n -> { };
    private final AtomicInteger writesInEffect = new AtomicInteger();

    /** What the emulator saw. */
    public final AtomicInteger throttled = new AtomicInteger();
    public final AtomicInteger requestsBeforeRetryAfter = new AtomicInteger();
    public final AtomicInteger requests = new AtomicInteger();
    /** Writes that came as items of a {@code $batch}, not as requests of their own. */
    public final AtomicInteger batchedWrites = new AtomicInteger();
    public final AtomicInteger tokenRequests = new AtomicInteger();
    /** Requests about the partner as a whole (its customers, its GDAP relationships), not one customer. */
    public final AtomicInteger partnerRequests = new AtomicInteger();
    private final Map<String, Long> notBefore = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perTenant = new ConcurrentHashMap<>();

    public GraphEmulator(List<EmulatedTenant> customers, List<ObjectNode> gdap) throws IOException {
        customers.forEach(t -> tenants.put(t.tenantId, t));
        relationships.addAll(gdap);
        Set<String> known = ConcurrentHashMap.newKeySet();
        known.addAll(tenants.keySet());
        known.add(PARTNER_TENANT);
        tokens = new TokenService(CLIENT_ID, CLIENT_SECRET, known);
        graph = new GraphRoutes(this);
        partnerCenter = new PartnerCenterRoutes(this);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        try {
            server.setHttpsConfigurator(new HttpsConfigurator(TestTls.shared().serverContext()));
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.start();
    }

    /** At the root: msal4j takes the authority's first path segment as the tenant. */
    public String authority() {
        return base();
    }

    public String graphBaseUrl() {
        return base() + "/graph/v1.0";
    }

    public String partnerCenterBaseUrl() {
        return base() + "/pc";
    }

    private String base() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A refresh token for the service user, as {@code login} would have stored it. */
    public String signIn() {
        return tokens.newRefreshToken();
    }

    public EmulatedTenant tenant(String tenantId) {
        return tenants.get(tenantId);
    }

    /** Consent for the app was never given in this customer tenant: its token requests are refused (AADSTS65001). */
    public void withoutConsent(String tenantId) {
        tokens.unconsented.add(tenantId);
    }

    /** The client secret and every refresh and access token issued: none may show in output, logs or reports. */
    public List<String> secrets() {
        return List.copyOf(tokens.secrets);
    }

    void wrote(boolean succeeded) {
        if (succeeded) {
            afterWrite.accept(writesInEffect.incrementAndGet());
        }
    }

    /** Refresh tokens sent a second time (the job must never). */
    public int refreshTokensReused() {
        return tokens.refusedReuses;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getRawPath();
            if (latencyMillis > 0) {
                Thread.sleep(latencyMillis);
            }
            if (path.endsWith("/oauth2/v2.0/token")) {
                tokenRequests.incrementAndGet();
            } else if (path.equals("/pc/v1/customers") || path.endsWith("/delegatedAdminRelationships")) {
                partnerRequests.incrementAndGet();
            }
            if (path.matches("/[^/]+/oauth2/v2\\.0/token") && "POST".equals(exchange.getRequestMethod())) {
                String tenant = path.substring(1, path.indexOf("/oauth2/"));
                TokenService.Answer answer = tokens.exchange(tenant, form(exchange));
                send(exchange, answer.status(), answer.body(), null);
            } else if (path.matches("/[^/]+/oauth2/v2\\.0/devicecode") && "POST".equals(exchange.getRequestMethod())) {
                TokenService.Answer answer = tokens.deviceCode(path.substring(1, path.indexOf("/oauth2/")),
                        form(exchange));
                send(exchange, answer.status(), answer.body(), null);
            } else if (path.startsWith("/graph/v1.0/")) {
                graph.handle(exchange, path.substring("/graph/v1.0".length()));
            } else if (path.startsWith("/pc/v1/")) {
                partnerCenter.handle(exchange, path.substring("/pc/v1".length()));
            } else {
                send(exchange, 404, graphError("ResourceNotFound", "Resource not found for the segment '" + path
                        + "'."), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            System.err.println("emulator: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + " failed: " + e);
            send(exchange, 500, graphError("generalException", "General exception while processing."), null);
        }
    }

    /**
     * Throttling and outages, per tenant: true when an error answer was sent. A request that arrives before the
     * tenant's Retry-After is over is counted (the job must never send one) and throttled again.
     */
    boolean fault(HttpExchange exchange, String tenant) throws IOException {
        return fault(exchange, tenant, ReadLimits.Api.GRAPH);
    }

    boolean fault(HttpExchange exchange, String tenant, ReadLimits.Api api) throws IOException {
        Reply fault = faultReply(tenant, api, false);
        if (fault != null) {
            send(exchange, fault.status(), fault.body(), fault.retryAfter());
        }
        return fault != null;
    }

    /** As {@link #fault(HttpExchange, String)}, for Graph, as a reply: a direct request or a batch item. */
    Reply faultReply(String tenant, String method) {
        return faultReply(tenant, ReadLimits.Api.GRAPH, !"GET".equals(method));
    }

    private Reply faultReply(String tenant, ReadLimits.Api api, boolean write) {
        long now = System.nanoTime();
        ReadLimits current = limits;
        Integer wait = current == null ? null : current.admit(api, tenant, now);
        WriteLimits writing = writeLimits;
        if (wait == null && write && writing != null) {
            wait = writing.admit(tenant, now);
        }
        if (wait != null) {
            throttled.incrementAndGet();
            return new Reply(429, graphError("TooManyRequests", "Too many requests from Identifier:" + tenant
                    + " under category:throttle.aad.ags.directory. Please try again later."), wait);
        }
        Long until = notBefore.get(tenant);
        if (until != null && now < until) {
            requestsBeforeRetryAfter.incrementAndGet();
            return throttle(tenant);
        }
        int n = perTenant.computeIfAbsent(tenant, k -> new AtomicInteger()).incrementAndGet();
        if (throttleEvery > 0 && n % throttleEvery == 0) {
            return throttle(tenant);
        }
        AtomicInteger outages = unavailable.get(tenant);
        if (outages != null && outages.getAndDecrement() > 0) {
            return new Reply(503, graphError("serviceNotAvailable", "The service is temporarily unavailable."
                    + " Please retry later."), null);
        }
        return null;
    }

    private Reply throttle(String tenant) {
        throttled.incrementAndGet();
        notBefore.put(tenant, System.nanoTime() + retryAfterSeconds * 1_000_000_000L);
        return new Reply(429, graphError("TooManyRequests", "Too many requests from Identifier:" + tenant
                + " under category:throttle.aad.ags.directory. Please try again later."), retryAfterSeconds);
    }

    static ObjectNode graphError(String code, String message) {
        ObjectNode body = EmulatedTenant.JSON.objectNode();
        ObjectNode error = body.putObject("error").put("code", code).put("message", message);
        error.putObject("innerError").put("date", java.time.Instant.now().toString().substring(0, 19))
                .put("request-id", java.util.UUID.randomUUID().toString())
                .put("client-request-id", java.util.UUID.randomUUID().toString());
        return body;
    }

    static void send(HttpExchange exchange, int status, JsonNode body, Integer retryAfter) throws IOException {
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter));
        }
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static Map<String, String> query(HttpExchange exchange) {
        return decode(exchange.getRequestURI().getRawQuery());
    }

    static Map<String, String> query(String rawQuery) {
        return decode(rawQuery);
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        return decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An opaque continuation: where the next page starts. */
    static String continuation(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(
                StandardCharsets.UTF_8));
    }

    static int offsetOf(String continuation) {
        String decoded = new String(Base64.getUrlDecoder().decode(continuation), StandardCharsets.UTF_8);
        if (!decoded.startsWith("offset:")) {
            throw new IllegalArgumentException("not a continuation");
        }
        return Integer.parseInt(decoded.substring("offset:".length()));
    }

    static ArrayNode array(List<? extends JsonNode> items) {
        ArrayNode array = EmulatedTenant.JSON.arrayNode();
        items.forEach(array::add);
        return array;
    }
}
