package com.partnerops.reconcile.graph;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.RefreshTokenParameters;
import com.partnerops.reconcile.ReconcileSettings;
import java.net.MalformedURLException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * The partner's app as msal4j knows it, for one tenant's authority: confidential (with its secret) when the
 * {@code graph.client-secret} setting has one, public otherwise, which is what a device-code sign-in
 * ({@code login}) needs: a refresh token issued to a public client is redeemed without a secret.
 */
final class MsalClients {

    private MsalClients() {
    }

    /** Exchanges a refresh token at one tenant's authority. */
    static Function<RefreshTokenParameters, CompletableFuture<IAuthenticationResult>> forTenant(
            ReconcileSettings.Graph settings, String tenant, CapturedRefreshToken captured) {
        if (settings.clientSecret().isBlank()) {
            PublicClientApplication app = publicClient(settings, tenant, captured);
            return app::acquireToken;
        }
        try {
            ConfidentialClientApplication app = ConfidentialClientApplication.builder(settings.clientId(),
                    ClientCredentialFactory.createFromSecret(settings.clientSecret()))
                    .authority(authority(settings, tenant))
                    // A host other than Microsoft's (an emulator, a proxy) has no discovery endpoint;
                    // validateAuthority(false) alone would still ask Microsoft's.
                    .instanceDiscovery(false)
                    .validateAuthority(false)
                    .sslSocketFactory(SSLContext.getDefault().getSocketFactory())
                    .setTokenCacheAccessAspect(captured)
                    .build();
            return app::acquireToken;
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw badAuthority(settings, tenant);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS on this Java platform", e);
        }
    }

    /** The app as a public client (no secret), as device-code sign-in uses it. */
    static PublicClientApplication publicClient(ReconcileSettings.Graph settings, String tenant,
            CapturedRefreshToken captured) {
        try {
            return PublicClientApplication.builder(settings.clientId())
                    .authority(authority(settings, tenant))
                    .instanceDiscovery(false)
                    .validateAuthority(false)
                    .sslSocketFactory(SSLContext.getDefault().getSocketFactory())
                    .setTokenCacheAccessAspect(captured)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw badAuthority(settings, tenant);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no TLS on this Java platform", e);
        }
    }

    private static String authority(ReconcileSettings.Graph settings, String tenant) {
        return stripSlash(settings.authority()) + "/" + tenant + "/";
    }

    private static TokenBroker.TokenRefusedException badAuthority(ReconcileSettings.Graph settings, String tenant) {
        return new TokenBroker.TokenRefusedException(tenant, "the 'graph.authority' setting '" + settings.authority()
                + "' is not a usable https URL");
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
