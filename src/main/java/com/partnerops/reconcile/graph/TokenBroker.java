package com.partnerops.reconcile.graph;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.RefreshTokenParameters;
import com.partnerops.reconcile.ReconcileSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Access tokens per tenant and API, from the service user's refresh token (the Secure Application Model): the
 * partner's multitenant app exchanges it at {@code {authority}/{tenant}/oauth2/v2.0/token} through msal4j. Tokens
 * are kept until shortly before they expire; each exchange takes its turn with the refresh token and keeps the
 * one it returns ({@link RefreshTokenStore}). No token or secret ever goes into a message.
 */
final class TokenBroker {

    /** A token this close to its expiry is exchanged again rather than sent. */
    private static final Duration EARLY = Duration.ofMinutes(5);

    private final ReconcileSettings.Graph settings;
    private final RefreshTokenStore refreshTokens;
    private final Clock clock;
    private final Map<String, AccessToken> cached = new ConcurrentHashMap<>();
    private final Map<String, Function<RefreshTokenParameters, CompletableFuture<IAuthenticationResult>>> apps =
            new ConcurrentHashMap<>();
    private final CapturedRefreshToken captured = new CapturedRefreshToken();

    private record AccessToken(String value, Instant expiresOn) {
    }

    TokenBroker(ReconcileSettings.Graph settings, RefreshTokenStore refreshTokens, Clock clock) {
        this.settings = settings;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    /** @throws TokenRefusedException naming the tenant and the token service's reason (AADSTS code and words) */
    String accessToken(String tenantId, Resource resource) {
        String key = tenantId + " " + resource;
        AccessToken token = cached.get(key);
        if (token != null && Instant.now(clock).plus(EARLY).isBefore(token.expiresOn())) {
            return token.value();
        }
        synchronized (cached) { // one exchange at a time anyway; this keeps a second thread from repeating it
            token = cached.get(key);
            if (token != null && Instant.now(clock).plus(EARLY).isBefore(token.expiresOn())) {
                return token.value();
            }
            AccessToken[] fresh = new AccessToken[1];
            refreshTokens.exchange(refreshToken -> {
                IAuthenticationResult result = exchange(tenantId, resource, refreshToken);
                fresh[0] = new AccessToken(result.accessToken(), result.expiresOnDate().toInstant());
                return captured.take();
            }, "tenant " + tenantId);
            cached.put(key, fresh[0]);
            return fresh[0].value();
        }
    }

    /** Forgets a tenant's tokens: the API refused one (revoked, or its roles changed). */
    void forget(String tenantId) {
        cached.keySet().removeIf(key -> key.startsWith(tenantId + " "));
    }

    private IAuthenticationResult exchange(String tenantId, Resource resource, String refreshToken) {
        try {
            // One app for every tenant, its authority's tenant overridden per request: building an app per
            // customer tenant cost more than the exchange itself, and exchanges take turns.
            return apps.computeIfAbsent(settings.partnerTenantId(),
                    tenant -> MsalClients.forTenant(settings, tenant, captured))
                    .apply(RefreshTokenParameters.builder(Set.of(resource.scope()), refreshToken).tenant(tenantId)
                            .build())
                    .get();
        } catch (ExecutionException e) {
            throw refused(tenantId, e.getCause());
        } catch (MsalException e) {
            throw refused(tenantId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenRefusedException(tenantId, "interrupted while asking for a token");
        }
    }

    static String stripSlash(String url) {
        return MsalClients.stripSlash(url);
    }

    /** The token service's own words (AADSTS code and first line), never the request that carried the token. */
    static TokenRefusedException refused(String tenantId, Throwable cause) {
        String reason = cause instanceof MsalServiceException service
                ? service.errorCode() + ": " + firstLine(service.getMessage())
                : cause.getClass().getSimpleName() + ": " + firstLine(String.valueOf(cause.getMessage()));
        return new TokenRefusedException(tenantId, reason);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\r') >= 0 ? text.indexOf('\r') : text.indexOf('\n');
        return end >= 0 ? text.substring(0, end) : text;
    }

    /** The token service refused a tenant's token; the message holds its reason, never a token. */
    static final class TokenRefusedException extends RuntimeException {
        TokenRefusedException(String tenantId, String reason) {
            super("no token for tenant " + tenantId + ": " + reason);
        }
    }
}
