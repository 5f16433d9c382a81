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
    /** Refresh tokens issued to the app as a public client (device code): redeemed without a secret. */
    private final Set<String> publicClientTokens = ConcurrentHashMap.newKeySet();
    /** Device codes and how many more polls each stays pending (the user is still signing in). */
    private final Map<String, Integer> pendingDeviceCodes = new ConcurrentHashMap<>();
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
        return newRefreshToken(false);
    }

    private String newRefreshToken(boolean publicClient) {
        String token = "0.AQ-rt-" + hex();
        if (publicClient) {
            publicClientTokens.add(token);
        }
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
        String secret = form.get("client_secret");
        if (secret != null && !clientSecret.equals(secret)) {
            return error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being"
                    + " sent in the request is the client secret value, not the client secret ID, for a secret added"
                    + " to app '" + clientId + "'.");
        }
        // the documented name, and the short one msal4j sends, which the identity platform takes too
        if (Set.of("urn:ietf:params:oauth:grant-type:device_code", "device_code").contains(form.get("grant_type"))) {
            return deviceCodeGrant(tenant, form);
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
        boolean publicClient = publicClientTokens.contains(refreshToken);
        if (publicClient == (secret != null)) {
            liveRefreshTokens.add(refreshToken);
            return publicClient
                    ? error(401, "invalid_client", 700025, "Client is public so neither 'client_assertion' nor"
                            + " 'client_secret' should be presented.")
                    : error(401, "invalid_client", 7000218, "The request body must contain the following parameter:"
                            + " 'client_assertion' or 'client_secret'.");
        }
        redeemed.add(refreshToken);
        if (unconsented.contains(tenant)) {
            liveRefreshTokens.add(refreshToken); // a refusal spends nothing
            redeemed.remove(refreshToken);
            return error(400, "invalid_grant", 65001, "The user or administrator has not consented to use the"
                    + " application with ID '" + clientId + "' named 'reconcile'. Send an interactive authorization"
                    + " request for this user and resource.");
        }
        return tokens(tenant, form.getOrDefault("scope", ""), publicClient);
    }

    /** POST {tenant}/oauth2/v2.0/devicecode: the code the user enters, the one the app polls with. */
    synchronized Answer deviceCode(String tenant, Map<String, String> form) {
        if (!clientId.equals(form.get("client_id"))) {
            return error(400, "unauthorized_client", 700016, "Application with identifier '" + form.get("client_id")
                    + "' was not found in the directory '" + tenant + "'.");
        }
        String deviceCode = "DAQABAAEAAAD-" + hex();
        secrets.add(deviceCode);
        pendingDeviceCodes.put(deviceCode, 1);
        String userCode = "EMU" + (100000 + random.nextInt(900000));
        return new Answer(200, EmulatedTenant.JSON.objectNode().put("user_code", userCode)
                .put("device_code", deviceCode).put("verification_uri", "https://microsoft.com/devicelogin")
                .put("expires_in", 900).put("interval", 1)
                .put("message", "To sign in, use a web browser to open the page https://microsoft.com/devicelogin"
                        + " and enter the code " + userCode + " to authenticate."));
    }

    /** The first poll finds the user still signing in; the next one, signed in. */
    private Answer deviceCodeGrant(String tenant, Map<String, String> form) {
        Integer polls = pendingDeviceCodes.get(form.getOrDefault("device_code", ""));
        if (polls == null) {
            return error(400, "expired_token", 70019, "Verification code expired.");
        }
        if (polls > 0) {
            pendingDeviceCodes.put(form.get("device_code"), polls - 1);
            return error(400, "authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization is"
                    + " pending. Continue polling.");
        }
        pendingDeviceCodes.remove(form.get("device_code"));
        return tokens(tenant, form.getOrDefault("scope", ""), true);
    }

    private Answer tokens(String tenant, String scope, boolean publicClient) {
        String resource = scope.contains(PARTNER_CENTER) ? PARTNER_CENTER : scope.contains(GRAPH) ? GRAPH : null;
        if (resource == null) {
            return error(400, "invalid_scope", 70011, "The provided value for the input parameter 'scope' is not"
                    + " valid.");
        }
        String accessToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.at-" + hex();
        accessTokens.put(accessToken, new Grant(tenant, resource, Instant.now().plusSeconds(3599)));
        secrets.add(accessToken);
        ObjectNode body = EmulatedTenant.JSON.objectNode().put("token_type", "Bearer").put("scope", resource)
                .put("expires_in", 3599).put("ext_expires_in", 3599).put("access_token", accessToken)
                .put("refresh_token", newRefreshToken(publicClient))
                .put("id_token", idToken(tenant))
                .put("client_info", base64("{\"uid\":\"svc-user\",\"utid\":\"" + tenant + "\"}"));
        return new Answer(200, body);
    }

    private String hex() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
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
