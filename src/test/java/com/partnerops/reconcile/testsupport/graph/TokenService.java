package com.partnerops.reconcile.testsupport.graph;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Microsoft identity platform's token endpoint for the refresh_token grant, strict: the client must be the
 * registered app with its secret; a refresh token is good for one exchange (every exchange rotates it, and one
 * sent again is refused); an access token is bound to the tenant and resource it was issued for.
 */
final class TokenService {

    static final String GRAPH = "https://graph.microsoft.com/.default";
    static final String PARTNER_CENTER = "https://api.partnercenter.microsoft.com/.default";

    record Grant(String tenant, String resource, Instant expires) {
    }

    record Answer(int status, ObjectNode body) {
    }

    private final SecureRandom random = new SecureRandom();
    private final String clientId;
    private final String clientSecret;
    private final Set<String> knownTenants;
    final Set<String> unconsented = ConcurrentHashMap.newKeySet();
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> redeemed = ConcurrentHashMap.newKeySet();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    /** Every secret this service ever issued or was configured with: none may show in the job's output. */
    final List<String> secrets = new CopyOnWriteArrayList<>();
    volatile int refusedReuses;

    TokenService(String clientId, String clientSecret, Set<String> knownTenants) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.knownTenants = knownTenants;
        secrets.add(clientSecret);
    }

    String newRefreshToken() {
        String token = "0.AQ-rt-" + HexFormat.of().formatHex(random.generateSeed(24));
        liveRefreshTokens.add(token);
        secrets.add(token);
        return token;
    }

    Grant grant(String bearer) {
        Grant grant = bearer == null ? null : accessTokens.get(bearer);
        return grant == null || grant.expires().isBefore(Instant.now()) ? null : grant;
    }

    synchronized Answer exchange(String tenant, Map<String, String> form) {
        if (!clientId.equals(form.get("client_id"))) {
            return error(400, "unauthorized_client", 700016, "Application with identifier '" + form.get("client_id")
                    + "' was not found in the directory '" + tenant + "'.");
        }
        if (!clientSecret.equals(form.get("client_secret"))) {
            return error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being"
                    + " sent in the request is the client secret value, not the client secret ID, for a secret added"
                    + " to app '" + clientId + "'.");
        }
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '"
                    + form.get("grant_type") + "'.");
        }
        if (!knownTenants.contains(tenant)) {
            return error(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you"
                    + " have the correct tenant ID and are signing into the correct cloud.");
        }
        String refreshToken = form.getOrDefault("refresh_token", "");
        if (redeemed.contains(refreshToken)) {
            refusedReuses++;
        }
        if (!liveRefreshTokens.remove(refreshToken)) {
            return error(400, "invalid_grant", 70000, "The refresh token isn't valid: it was redeemed already,"
                    + " revoked or never issued.");
        }
        redeemed.add(refreshToken);
        if (unconsented.contains(tenant)) {
            liveRefreshTokens.add(refreshToken); // a refusal spends nothing
            redeemed.remove(refreshToken);
            return error(400, "invalid_grant", 65001, "The user or administrator has not consented to use the"
                    + " application with ID '" + clientId + "' named 'reconcile'. Send an interactive authorization"
                    + " request for this user and resource.");
        }
        String scope = form.getOrDefault("scope", "");
        String resource = scope.contains(PARTNER_CENTER) ? PARTNER_CENTER : scope.contains(GRAPH) ? GRAPH : null;
        if (resource == null) {
            return error(400, "invalid_scope", 70011, "The provided value for the input parameter 'scope' is not"
                    + " valid.");
        }
        String accessToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.at-" + HexFormat.of().formatHex(random.generateSeed(24));
        accessTokens.put(accessToken, new Grant(tenant, resource, Instant.now().plusSeconds(3599)));
        secrets.add(accessToken);
        ObjectNode body = EmulatedTenant.JSON.objectNode().put("token_type", "Bearer").put("scope", resource)
                .put("expires_in", 3599).put("ext_expires_in", 3599).put("access_token", accessToken)
                .put("refresh_token", newRefreshToken())
                .put("id_token", idToken(tenant))
                .put("client_info", base64("{\"uid\":\"svc-user\",\"utid\":\"" + tenant + "\"}"));
        return new Answer(200, body);
    }

    private String idToken(String tenant) {
        long now = Instant.now().getEpochSecond();
        return base64("{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"emulator\"}") + "." + base64("{\"aud\":\""
                + clientId + "\",\"iss\":\"https://login.microsoftonline.com/" + tenant + "/v2.0\",\"iat\":" + now
                + ",\"nbf\":" + now + ",\"exp\":" + (now + 3600) + ",\"name\":\"Reconcile service\",\"oid\":"
                + "\"svc-user\",\"preferred_username\":\"svc-reconcile@partner.onmicrosoft.com\",\"sub\":\"svc\","
                + "\"tid\":\"" + tenant + "\",\"ver\":\"2.0\"}") + ".c2lnbmF0dXJl";
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The token endpoint's error body: error, error_description with the AADSTS code, codes, ids, time. */
    private static Answer error(int status, String error, int code, String description) {
        String now = Instant.now().toString().replace('T', ' ').substring(0, 19) + "Z";
        String trace = java.util.UUID.randomUUID().toString();
        String correlation = java.util.UUID.randomUUID().toString();
        ObjectNode body = EmulatedTenant.JSON.objectNode().put("error", error).put("error_description", "AADSTS"
                + code + ": " + description + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: " + correlation
                + "\r\nTimestamp: " + now);
        body.putArray("error_codes").add(code);
        body.put("timestamp", now).put("trace_id", trace).put("correlation_id", correlation)
                .put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        if (code == 65001) {
            body.put("suberror", "consent_required");
        }
        return new Answer(status, body);
    }
}
