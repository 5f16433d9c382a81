package com.partnerops.reconcile.graph;

import com.partnerops.reconcile.ReconcileSettings;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET requests to Microsoft Graph and Partner Center for one tenant at a time: the tenant's token, its Retry-After
 * respected ({@link TenantThrottle}), 429, 503 and 504 (and a dropped connection) retried with backoff by
 * Resilience4j, every page followed. Errors say the status and the API's own code and words, never a header.
 */
final class LiveApi {

    private static final int THROTTLED = 429;
    private static final List<Integer> RETRIED = List.of(THROTTLED, 503, 504);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    private final ReconcileSettings.Graph settings;
    private final String partnerCenterBase;
    private final TokenBroker tokens;
    private final TenantThrottle throttle = new TenantThrottle();
    private final RestClient http;
    private final Retry retry;
    private final JsonMapper json = JsonMapper.builder().build();

    LiveApi(ReconcileSettings.Graph settings, ReconcileSettings.PartnerCenter partnerCenter, TokenBroker tokens) {
        this.settings = settings;
        this.partnerCenterBase = TokenBroker.stripSlash(partnerCenter.baseUrl());
        this.tokens = tokens;
        HttpClient client;
        try {
            client = HttpClient.newBuilder().sslContext(SSLContext.getDefault())
                    .connectTimeout(Duration.ofSeconds(20)).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS on this Java platform", e);
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofSeconds(100));
        this.http = RestClient.builder().requestFactory(requests).build();
        this.retry = Retry.of("live-read", RetryConfig.<Object>custom()
                .maxAttempts(settings.maxAttempts())
                .retryExceptions(Retryable.class)
                .intervalBiFunction(LiveApi::interval)
                .build());
    }

    /** Every item of a Graph collection, following {@code @odata.nextLink} verbatim. */
    List<JsonNode> graphPages(String tenant, String pathAndQuery) {
        List<JsonNode> items = new ArrayList<>();
        String next = TokenBroker.stripSlash(settings.baseUrl()) + pathAndQuery;
        while (next != null) {
            JsonNode page = get(tenant, Resource.GRAPH, URI.create(next), Map.of());
            page.path("value").forEach(items::add);
            JsonNode link = page.path("@odata.nextLink");
            next = link.isString() ? link.asString() : null;
        }
        return items;
    }

    /** One Graph object. */
    JsonNode graphObject(String tenant, String pathAndQuery) {
        return get(tenant, Resource.GRAPH, URI.create(TokenBroker.stripSlash(settings.baseUrl()) + pathAndQuery),
                Map.of());
    }

    /**
     * Every item of a Partner Center collection (read in the partner's tenant), following {@code links.next}: its
     * URI resolved against the Partner Center base URL, with or without {@code /v1}, and its headers sent
     * ({@code MS-ContinuationToken}).
     */
    List<JsonNode> partnerCenterPages(String path) {
        List<JsonNode> items = new ArrayList<>();
        URI next = URI.create(partnerCenterBase + "/v1" + path);
        Map<String, String> headers = Map.of();
        while (next != null) {
            JsonNode page = get(settings.partnerTenantId(), Resource.PARTNER_CENTER, next, headers);
            page.path("items").forEach(items::add);
            JsonNode link = page.path("links").path("next");
            if (link.path("uri").isString()) {
                next = partnerCenterUri(link.path("uri").asString());
                Map<String, String> nextHeaders = new java.util.LinkedHashMap<>();
                link.path("headers").forEach(h -> nextHeaders.put(h.path("key").asString(), h.path("value")
                        .asString()));
                headers = nextHeaders;
            } else {
                next = null;
            }
        }
        return items;
    }

    private URI partnerCenterUri(String link) {
        if (link.startsWith("http://") || link.startsWith("https://")) {
            return URI.create(link);
        }
        String path = link.startsWith("/") ? link : "/" + link;
        return URI.create(partnerCenterBase + (path.startsWith("/v1/") ? path : "/v1" + path));
    }

    private JsonNode get(String tenant, Resource resource, URI uri, Map<String, String> headers) {
        Supplier<JsonNode> attempt = () -> once(tenant, resource, uri, headers);
        return Retry.decorateSupplier(retry, attempt).get();
    }

    private JsonNode once(String tenant, Resource resource, URI uri, Map<String, String> headers) {
        Answer answer = exchange(tenant, resource, "GET", uri, headers, null);
        if (answer.status() >= 200 && answer.status() < 300) {
            try {
                return json.readTree(answer.body());
            } catch (JacksonException e) {
                throw new LiveReadException("GET " + uri.getPath() + ": the answer is not JSON");
            }
        }
        String problem = "GET " + uri.getPath() + ": " + answer.status() + " " + errorText(answer.body());
        if (RETRIED.contains(answer.status())) {
            throw retryable(tenant, answer, problem);
        }
        if (answer.status() == 401) {
            tokens.forget(tenant);
        }
        throw new LiveReadException(problem);
    }

    /**
     * A write to Graph ({@code PATCH}, {@code POST}, {@code DELETE}) or a {@code $batch}: retried only when Graph
     * says it did not run it (429, 503); any other answer is returned for the caller to map, never retried, so a
     * write is never sent twice. A dropped connection is not retried either: whether it ran is unknown, and the
     * resumed apply re-reads the user to find out.
     *
     * @param pathAndQuery relative to the Graph base URL
     * @param body null for none
     */
    Reply send(String tenant, String method, String pathAndQuery, JsonNode body) {
        URI uri = URI.create(TokenBroker.stripSlash(settings.baseUrl()) + pathAndQuery);
        Supplier<Reply> attempt = () -> {
            Answer answer;
            try {
                answer = exchange(tenant, Resource.GRAPH, method, uri, Map.of(), body);
            } catch (Retryable e) {
                throw new LiveReadException(e.getMessage() + " (not retried: a write may have run)");
            }
            if (answer.status() == THROTTLED || answer.status() == 503) {
                throw retryable(tenant, answer, method + " " + uri.getPath() + ": " + answer.status() + " "
                        + errorText(answer.body()));
            }
            if (answer.status() == 401) {
                tokens.forget(tenant);
            }
            return new Reply(answer.status(), answer.body().length == 0 ? null : parse(answer.body()),
                    errorText(answer.body()));
        };
        return Retry.decorateSupplier(retry, attempt).get();
    }

    /** Holds the tenant off for a 429 item of a batch, as for a direct 429. */
    void holdOff(String tenant, Duration wait) {
        throttle.holdOff(tenant, wait);
    }

    /** Retries {@code attempt} as a direct request is retried: a {@link Retryable} it throws is waited out. */
    <T> T retried(Supplier<T> attempt) {
        return Retry.decorateSupplier(retry, attempt).get();
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * What Graph answered a write.
     *
     * @param body null for 204
     * @param error Graph's error code and message ("code: message"), "" when none
     */
    record Reply(int status, JsonNode body, String error) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private Answer exchange(String tenant, Resource resource, String method, URI uri, Map<String, String> headers,
            JsonNode body) {
        throttle.awaitTurn(tenant);
        String token = tokens.accessToken(tenant, resource);
        try {
            RestClient.RequestBodySpec request = http.method(org.springframework.http.HttpMethod.valueOf(method))
                    .uri(uri).headers(h -> {
                        h.setBearerAuth(token);
                        headers.forEach(h::add);
                    });
            if (body != null) {
                request.contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body.toString());
            }
            return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
                    response.getBody().readAllBytes(), response.getHeaders().getFirst("Retry-After")), false);
        } catch (ResourceAccessException e) {
            throw new Retryable(null, method + " " + uri.getPath() + ": " + rootMessage(e));
        }
    }

    private Retryable retryable(String tenant, Answer answer, String problem) {
        Duration wait = retryAfter(answer.retryAfter());
        if (wait != null && wait.compareTo(settings.maxRetryAfter()) > 0) {
            throw new LiveReadException(problem + " (Retry-After " + wait.toSeconds() + " s is longer than"
                    + " the 'graph.max-retry-after' setting)");
        }
        if (answer.status() == THROTTLED && wait != null) {
            return held(tenant, wait, problem);
        }
        return new Retryable(wait, problem);
    }

    /** Seconds, as Graph sends it in a header or a batch item's headers. */
    static Duration retryAfterSeconds(String header) {
        return retryAfter(header);
    }

    private Retryable held(String tenant, Duration wait, String problem) {
        throttle.holdOff(tenant, wait);
        return new Retryable(wait, problem);
    }

    private record Answer(int status, byte[] body, String retryAfter) {
    }

    /** Graph's {"error":{"code","message"}} or Partner Center's {"code","description"}; the status alone else. */
    String errorText(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            JsonNode graph = root.path("error");
            if (graph.isObject()) {
                return graph.path("code").asString("") + ": " + graph.path("message").asString("");
            }
            if (root.has("description")) {
                return root.path("code").asString("") + ": " + root.path("description").asString("");
            }
        } catch (JacksonException | IllegalArgumentException e) {
            // not JSON: the status says enough
        }
        return "";
    }

    /** Seconds, as Graph and Partner Center send it; an HTTP date is not used by either. */
    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long interval(Integer attempt, Either<Throwable, Object> outcome) {
        if (outcome.isLeft() && outcome.getLeft() instanceof Retryable retryable && retryable.wait != null) {
            return retryable.wait.toMillis();
        }
        long backoff = FIRST_BACKOFF.toMillis() << Math.min(10, Math.max(0, attempt - 1));
        return Math.min(backoff, LONGEST_BACKOFF.toMillis());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof IOException ? root.getClass().getSimpleName() + " " + root.getMessage()
                : String.valueOf(root.getMessage());
    }

    /** An answer worth asking again (throttled, unavailable, no connection); the last one is the reason given. */
    static final class Retryable extends LiveReadException {
        private final transient Duration wait;

        Retryable(Duration wait, String message) {
            super(message);
            this.wait = wait;
        }
    }

    /** A read that failed: the message is the request's path, status and the API's own words. */
    static class LiveReadException extends RuntimeException {
        LiveReadException(String message) {
            super(message);
        }
    }
}
